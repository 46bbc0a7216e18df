package dev.imsauth.it.tomcat.cluster;

import dev.imsauth.it.cluster.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Tomcat 10.1 of the test cluster, run as its own process from the unpacked distribution
 * ({@code ims.it.catalina.home}) with a {@code CATALINA_BASE} of its own under target/: our
 * {@code conf/server.xml} (src/test/tomcat/cluster) with this node's ports and member ids, the WAR in
 * {@code webapps/}, a small heap. Started and stopped by the test; {@link #kill()} ends it like a crash.
 */
final class TomcatNode extends ServerProcess {
    static final String CONTEXT = "/app";
    private final Path base;
    private final int httpPort;

    private TomcatNode(String name, Path base, int httpPort) {
        super(name);
        this.base = base;
        this.httpPort = httpPort;
    }

    /**
     * Writes the node's CATALINA_BASE: server.xml from the template with {@code values} (HTTP_PORT,
     * RECEIVER_PORT, LOCAL_ID, PEER_PORT, PEER_ID), the home's other conf files, the WAR.
     */
    static TomcatNode prepare(String name, Map<String, String> values, WebArchive war) {
        Path home = catalinaHome();
        Path base = Path.of("target", "cluster", name).toAbsolutePath();
        try {
            for (String dir : List.of("conf", "webapps", "logs", "temp", "work")) {
                Files.createDirectories(base.resolve(dir));
            }
            for (String file : List.of("web.xml", "context.xml", "catalina.properties", "logging.properties")) {
                Files.copy(home.resolve("conf").resolve(file), base.resolve("conf").resolve(file),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String serverXml = Files.readString(Path.of("src", "test", "tomcat", "cluster", "server.xml"));
            for (Map.Entry<String, String> v : values.entrySet()) {
                serverXml = serverXml.replace("@" + v.getKey() + "@", v.getValue());
            }
            Files.writeString(base.resolve("conf").resolve("server.xml"), serverXml);
            war.as(ZipExporter.class).exportTo(base.resolve("webapps").resolve(CONTEXT.substring(1) + ".war").toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + name + " in " + base, e);
        }
        return new TomcatNode(name, base, Integer.parseInt(values.get("HTTP_PORT")));
    }

    /** Starts the process (returns at once; see {@link #awaitUp}). */
    void start() {
        Path home = catalinaHome();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Dcatalina.home=" + home, "-Dcatalina.base=" + base, "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        launch(new ProcessBuilder(command), log());
    }

    @Override
    protected Path log() {
        return base.resolve("logs").resolve("console.log");
    }

    @Override
    protected String readinessPath() {
        return "/public/ping";
    }

    @Override
    public String origin() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String url(String path) {
        return origin() + CONTEXT + path;
    }

    static Path catalinaHome() {
        String home = System.getProperty("ims.it.catalina.home");
        if (home == null) {
            throw new IllegalStateException("ims.it.catalina.home is not set (run through mvn verify in it/tomcat)");
        }
        return Path.of(home);
    }
}
