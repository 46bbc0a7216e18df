package dev.imsauth.it.wildfly.ha;

import dev.imsauth.it.cluster.ServerProcess;
import dev.imsauth.it.server.SocketBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One WildFly of the test cluster: {@code bin/standalone.sh -c standalone-ha.xml} of the unpacked distribution
 * ({@code jboss.home}, configured by src/test/wildfly/configure-ha.cli), with a server base directory of its
 * own under target/ (a copy of the home's {@code standalone/configuration}, the WAR in {@code deployments/}),
 * its own node name, port offset and system properties, and a small heap.
 */
final class WildFlyNode extends ServerProcess {
    static final String CONTEXT = "/app";
    static final String CONFIG = "standalone-ha.xml";
    private final Path base;
    private final int offset;
    private final Map<String, String> properties;

    private WildFlyNode(String name, Path base, int offset, Map<String, String> properties) {
        super(name);
        this.base = base;
        this.offset = offset;
        this.properties = properties;
    }

    /** Writes the node's server base directory (replacing an earlier run's) with the WAR as {@code app.war}. */
    static WildFlyNode prepare(String name, int offset, Map<String, String> properties, WebArchive war) {
        Path base = Path.of("target", "cluster", name).toAbsolutePath();
        try {
            if (Files.exists(base)) {
                try (Stream<Path> old = Files.walk(base)) {
                    old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(base.resolve("configuration"));
            Files.createDirectories(base.resolve("deployments"));
            try (Stream<Path> files = Files.list(jbossHome().resolve("standalone/configuration"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve("configuration").resolve(file.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            war.as(ZipExporter.class).exportTo(base.resolve("deployments").resolve("app.war").toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + name + " in " + base, e);
        }
        return new WildFlyNode(name, base, offset, properties);
    }

    /** Starts the server (returns at once; see {@link #awaitUp}). */
    void start() {
        Path home = jbossHome();
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/standalone.sh").toString(),
                "-c", CONFIG, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1", "-bprivate", "127.0.0.1",
                "-Djboss.server.base.dir=" + base, "-Djboss.node.name=" + this, "-Djboss.tx.node.id=" + this,
                "-Djboss.socket.binding.port-offset=" + offset));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("JAVA_OPTS", "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true");
        launch(builder, base.resolve("console.log"));
    }

    @Override
    protected Path log() {
        return base.resolve("log").resolve("server.log");
    }

    @Override
    protected String readinessPath() {
        return "/public/ping";
    }

    /**
     * "WFLYSRV0026: WildFly … started (with errors)" (a failed deployment or service): the ERROR lines and their
     * causes, as server.log has them.
     */
    @Override
    protected Optional<String> startFailure(String log) {
        if (!log.contains("WFLYSRV0026")) {
            return Optional.empty();
        }
        return Optional.of("server.log (" + log() + ") says:\n" + log.lines()
                .filter(line -> line.contains(" ERROR [") || line.strip().startsWith("Caused by:") || line.contains("WFLYSRV0026"))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public String origin() {
        return "http://127.0.0.1:" + httpPort(offset);
    }

    @Override
    public String url(String path) {
        return origin() + CONTEXT + path;
    }

    /** The port of the {@code http} socket binding at this port offset. */
    static int httpPort(int offset) {
        return bindings().stream().filter(binding -> binding.name().equals("http")).findFirst().orElseThrow()
                .port(offset);
    }

    /** The socket bindings of the configured {@value #CONFIG}. */
    static List<SocketBinding> bindings() {
        Path config = jbossHome().resolve("standalone/configuration").resolve(CONFIG);
        try {
            return SocketBinding.parse(Files.readString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the socket bindings of " + config, e);
        }
    }

    static Path jbossHome() {
        String home = System.getProperty("jboss.home");
        if (home == null) {
            throw new IllegalStateException("jboss.home is not set (run through mvn verify in it/wildfly-ha)");
        }
        return Path.of(home);
    }
}
