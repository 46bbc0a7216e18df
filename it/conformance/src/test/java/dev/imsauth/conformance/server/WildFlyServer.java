package dev.imsauth.conformance.server;

import dev.imsauth.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * WildFly unpacked by the build, configured with the jboss-cli step of docs/wildfly.md step 3
 * ({@code integrated-jaspi=false}, applied offline), started by {@code standalone.sh} on 127.0.0.1 with a port
 * offset that frees all its ports, and the WARs (one per deployment, settings in MicroProfile Config) in
 * {@code standalone/deployments/}, deployed at boot. A boot "with errors" or a {@code .failed} deployment
 * fails with the cause.
 */
public final class WildFlyServer {

    /** standalone.xml's socket bindings: http, https, management http and https, ajp, transaction recovery and status. */
    private static final int[] BASE_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern BOOTED = Pattern.compile("WFLYSRV0025|WFLYSRV0026");
    private static final Pattern WITH_ERRORS = Pattern.compile("WFLYSRV0026");

    private WildFlyServer() {
    }

    public static AppServer start(String name, Path home, Path cli, String issuer) {
        Path logs = SuiteSettings.work("logs");
        Map<String, String> env = Map.of("JBOSS_HOME", home.toString(), "JAVA_HOME", System.getProperty("java.home"));
        configure(home, cli, env, logs.resolve("wildfly-cli.log"));
        List<Path> wars = deploy(home, issuer);
        int offset = LoopbackPorts.freeOffset(1000, Arrays.stream(BASE_PORTS).max().orElseThrow(), 200,
                        at -> Arrays.stream(BASE_PORTS).map(port -> port + at))
                .orElseThrow(() -> new IllegalStateException("No port offset frees all of " + Arrays.toString(BASE_PORTS)
                        + " on 127.0.0.1"));
        ServerProcess process = ServerProcess.start(name, List.of("sh", home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.bind.address=127.0.0.1",
                        "-Djboss.bind.address.management=127.0.0.1"),
                home, env, logs.resolve("wildfly.log"));
        try {
            process.awaitReady(() -> process.logContains(BOOTED), STARTUP_TIMEOUT, "WFLYSRV0025 (started)");
            process.awaitReady(() -> wars.stream().allMatch(WildFlyServer::settled), Duration.ofMinutes(1),
                    "a .deployed or .failed marker for every WAR");
            List<String> failed = new ArrayList<>();
            for (Path war : wars) {
                Path marker = war.resolveSibling(war.getFileName() + ".failed");
                if (Files.exists(marker)) {
                    failed.add(war.getFileName() + ": " + Files.readString(marker));
                }
            }
            if (!failed.isEmpty() || process.logContains(WITH_ERRORS)) {
                List<String> errors = process.logLines().stream().filter(line -> line.contains(" ERROR ")).toList();
                throw process.failure(name + " started with errors:\n" + String.join("\n", failed) + "\n"
                        + String.join("\n", errors) + "\n");
            }
        } catch (IOException e) {
            process.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return new RunningServer(name, process, 8080 + offset, true, process.secondsSinceStart());
    }

    /** docs/wildfly.md step 3, offline through embed-server (idempotent): {@code integrated-jaspi=false}. */
    private static void configure(Path home, Path cli, Map<String, String> env, Path log) {
        try (ServerProcess jbossCli = ServerProcess.start("jboss-cli", List.of("sh",
                home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli), home, env, log)) {
            jbossCli.awaitSuccess(Duration.ofMinutes(3));
        }
    }

    /** Empties standalone/deployments and writes one WAR per deployment into it. */
    private static List<Path> deploy(Path home, String issuer) {
        Path deployments = home.resolve("standalone/deployments");
        try (Stream<Path> old = Files.list(deployments)) {
            for (Path file : old.filter(f -> f.getFileName().toString().contains(".war")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return App.all().stream().map(app -> Wars.wildfly(deployments.resolve(app.context() + ".war"), app, issuer))
                .toList();
    }

    private static boolean settled(Path war) {
        return Files.exists(war.resolveSibling(war.getFileName() + ".deployed"))
                || Files.exists(war.resolveSibling(war.getFileName() + ".failed"));
    }
}
