package dev.imsauth.conformance.server;

import dev.imsauth.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak ({@code keycloak-quarkus-dist}, unpacked by the build) in development mode on 127.0.0.1 and a free
 * port, with the realm of {@code src/test/keycloak/conformance-realm.json} imported into a fresh database.
 * Keycloak needs Java 21+: it runs on the newest Temurin JDK under /usr/lib/jvm.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "conformance";
    /**
     * Up in 45–65 s on a quiet 2-core machine; a busy one needs more: its first start in a fresh unpack builds the
     * server image first (Quarkus augmentation: 240–360 s seen at a load average of 30). {@code
     * -Dims.conformance.keycloak.startup-seconds=N} gives a machine that busy more time.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(
            Long.getLong("ims.conformance.keycloak.startup-seconds", Duration.ofMinutes(8).toSeconds()));
    private static final System.Logger LOG = System.getLogger(Keycloak.class.getName());
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServerProcess process;
    private final URI base;
    private final KeycloakAdmin admin;
    private final long startupSeconds;

    private Keycloak(ServerProcess process, URI base, KeycloakAdmin admin, long startupSeconds) {
        this.process = process;
        this.base = base;
        this.admin = admin;
        this.startupSeconds = startupSeconds;
    }

    /** Starts Keycloak and returns once the realm's discovery document is served. */
    public static Keycloak start() {
        Path home = SuiteSettings.path("ims.conformance.keycloak.home");
        Path realm = SuiteSettings.path("ims.conformance.realm");
        Path javaHome = Jdks.atLeast(21, "ims.conformance.keycloak.java-home");
        resetData(home, realm);
        int port = LoopbackPorts.freeToBindLater();
        URI base = URI.create("http://127.0.0.1:" + port);
        String adminPassword = UUID.randomUUID().toString();
        ServerProcess process = ServerProcess.start("Keycloak", List.of("sh", home.resolve("bin/kc.sh").toString(),
                        "start-dev", "--http-port", String.valueOf(port), "--http-host", "127.0.0.1",
                        "--hostname", base.toString(), "--import-realm"),
                home, Map.of("JAVA_HOME", javaHome.toString(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"),
                SuiteSettings.work("logs").resolve("keycloak.log"));
        try {
            URI discovery = base.resolve("/realms/" + REALM + "/.well-known/openid-configuration");
            process.awaitReady(() -> answers200(discovery), STARTUP_TIMEOUT, "serving realm " + REALM + " at " + base);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        long seconds = process.secondsSinceStart();
        LOG.log(System.Logger.Level.INFO, "Keycloak up at {0} in {1} s (Java {2})", base, seconds, javaHome);
        return new Keycloak(process, base, new KeycloakAdmin(base, REALM, adminPassword), seconds);
    }

    /** The realm's issuer, e.g. {@code http://127.0.0.1:41234/realms/conformance}. */
    public String issuer() {
        return base + "/realms/" + REALM;
    }

    public URI base() {
        return base;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    public long startupSeconds() {
        return startupSeconds;
    }

    @Override
    public void close() {
        process.stop();
    }

    /** A fresh database each run (start-dev keeps H2 files under data/), and the realm file in data/import/. */
    private static void resetData(Path home, Path realm) {
        Path data = home.resolve("data");
        try {
            Dirs.deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(realm, data.resolve("import").resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + data, e);
        }
    }

    private static boolean answers200(URI uri) {
        try {
            return PROBE.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
