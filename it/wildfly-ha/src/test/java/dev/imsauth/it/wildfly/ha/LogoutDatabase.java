package dev.imsauth.it.wildfly.ha;

import dev.imsauth.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database both nodes keep back-channel logouts in ({@code ims.logout-store-datasource}): an H2 TCP server on
 * 127.0.0.1 and a free port, run from WildFly's own H2 module jar (so client and server are the same version)
 * in a process of its own; the database lives in memory until the server stops.
 */
final class LogoutDatabase implements AutoCloseable {
    private final Process process;
    private final int port;

    private LogoutDatabase(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LogoutDatabase start(Path home) {
        int port = LoopbackPorts.freeToBindLater();
        Path console = Path.of("target", "cluster", "h2.log").toAbsolutePath();
        Process process;
        try {
            Files.createDirectories(console.getParent());
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-Dh2.bindAddress=127.0.0.1", "-cp", h2Jar(home).toString(), "org.h2.tools.Server",
                    "-tcp", "-tcpPort", Integer.toString(port), "-ifNotExists")
                    .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the H2 server for the logout records", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (LoopbackPorts.isFree(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the H2 server did not open port " + port + ": " + read(console));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new LogoutDatabase(process, port);
    }

    /** The JDBC URL the nodes' datasource connects to. */
    String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:ims-logouts;DB_CLOSE_DELAY=-1";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path h2Jar(Path home) throws IOException {
        Path module = home.resolve("modules/system/layers/base/com/h2database/h2/main");
        try (Stream<Path> files = Files.list(module)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("h2-.*\\.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one h2-*.jar in " + module + ", found " + jars);
            }
            return jars.get(0);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
