package dev.imsauth.conformance.server;

import dev.imsauth.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A standalone Tomcat (9, 10.1, 11, …) unpacked by the build, run by {@code catalina.sh run} from its own
 * {@code CATALINA_BASE} under target/: a generated server.xml (127.0.0.1, a free port, no shutdown port),
 * the deployments' settings as README's Tomcat quick start and docs/tomcat.md step 4 give them — the shared
 * ones and the portal's client id in {@code bin/setenv.sh}, the other deployments' client in
 * {@code conf/Catalina/localhost/<app>.xml} — and the WARs in {@code webapps/}, deployed at start.
 * A start that logs SEVERE (a port in use, a filter that failed) fails with those lines.
 */
public final class TomcatServer implements AppServer {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern STARTED = Pattern.compile("Server startup in");
    private static final Pattern SEVERE = Pattern.compile("SEVERE|Address already in use");

    private final String name;
    private final ServerProcess process;
    private final int port;
    private final long startupSeconds;

    private TomcatServer(String name, ServerProcess process, int port, long startupSeconds) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    /** Starts Tomcat from {@code home} with every deployment of {@link App#all()} signing in at {@code issuer}. */
    public static TomcatServer start(String name, Path home, String issuer) {
        return start(name, home, issuer, FreePorts.any(), Wars::tomcat);
    }

    /** As {@link #start(String, Path, String)}, for Tomcat 9: the WAR of {@link Wars#tomcat9(Path)} (javax). */
    public static TomcatServer startJavax(String name, Path home, String issuer) {
        return start(name, home, issuer, FreePorts.any(), Wars::tomcat9);
    }

    /** As {@link #start(String, Path, String)}, on {@code port}. */
    public static TomcatServer start(String name, Path home, String issuer, int port) {
        return start(name, home, issuer, port, Wars::tomcat);
    }

    private static TomcatServer start(String name, Path home, String issuer, int port, UnaryOperator<Path> warBuilder) {
        Path base = SuiteSettings.work(name.replace(' ', '-').toLowerCase());
        prepareBase(home, base, port, issuer, warBuilder);
        ServerProcess process = ServerProcess.start(name, List.of("sh", home.resolve("bin/catalina.sh").toString(), "run"),
                base, Map.of("CATALINA_HOME", home.toString(), "CATALINA_BASE", base.toString(),
                        "JAVA_HOME", System.getProperty("java.home")),
                SuiteSettings.work("logs").resolve(base.getFileName() + ".log"));
        try {
            process.awaitReady(() -> process.logContains(STARTED), STARTUP_TIMEOUT, "\"Server startup in\"");
            List<String> severe = process.logLines().stream().filter(line -> SEVERE.matcher(line).find()).toList();
            if (!severe.isEmpty()) {
                throw process.failure(name + " started with errors:\n" + String.join("\n", severe) + "\n");
            }
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return new TomcatServer(name, process, port, process.secondsSinceStart());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI base(App app) {
        return URI.create("http://127.0.0.1:" + port + "/" + app.context() + "/");
    }

    @Override
    public boolean containerSecurity() {
        return false;
    }

    @Override
    public long startupSeconds() {
        return startupSeconds;
    }

    @Override
    public void close() {
        process.stop();
    }

    private static void prepareBase(Path home, Path base, int port, String issuer, UnaryOperator<Path> warBuilder) {
        try {
            Dirs.deleteRecursively(base);
            for (String dir : List.of("bin", "conf/Catalina/localhost", "webapps", "logs", "temp", "work")) {
                Files.createDirectories(base.resolve(dir));
            }
            try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
                for (Path file : conf.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(base.resolve("conf/server.xml"), serverXml(port));
            Files.writeString(base.resolve("bin/setenv.sh"), setenv(issuer));
            Path war = warBuilder.apply(base.resolve("temp/conformance.war"));
            for (App app : App.all()) {
                Files.copy(war, base.resolve("webapps/" + app.context() + ".war"));
                if (app != App.PORTAL) {
                    Files.writeString(base.resolve("conf/Catalina/localhost/" + app.context() + ".xml"), contextXml(app));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + base, e);
        }
    }

    /** As README's quick start, step 3: the deployment's settings as environment variables in bin/setenv.sh. */
    private static String setenv(String issuer) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        App.commonSettings(issuer).forEach((key, value) -> env.put(environmentName(key), value));
        App.PORTAL.clientSettings().forEach((key, value) -> env.put(environmentName(key), value));
        return "# written by the conformance suite\n"
                + env.entrySet().stream().map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                        .collect(Collectors.joining("\n", "", "\n"))
                + "export CATALINA_OPTS='-Xms32m -Xmx256m'\n";
    }

    /** docs/tomcat.md step 4: per-application context parameters. */
    private static String contextXml(App app) {
        return "<Context>\n" + app.clientSettings().entrySet().stream()
                .map(e -> "  <Parameter name=\"" + e.getKey() + "\" value=\"" + e.getValue() + "\" override=\"false\"/>")
                .collect(Collectors.joining("\n", "", "\n")) + "</Context>\n";
    }

    /** The documented environment variable of a key, from the library's key table. */
    private static String environmentName(String key) {
        return ConfigKey.named(key).orElseThrow(() -> new IllegalArgumentException("not an ims-auth key: " + key))
                .environmentVariable();
    }

    private static String serverXml(int port) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(port);
    }
}
