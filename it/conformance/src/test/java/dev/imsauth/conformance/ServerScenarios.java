package dev.imsauth.conformance;

import dev.imsauth.conformance.server.AppServer;
import dev.imsauth.conformance.server.Keycloak;
import dev.imsauth.conformance.server.KeycloakAdmin;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** What every scenario class on a container has: Keycloak, its admin API, the container, a name for screenshots. */
abstract class ServerScenarios {

    protected Keycloak keycloak;
    protected KeycloakAdmin admin;
    protected AppServer server;
    protected String testName;

    @BeforeEach
    void connect(Keycloak keycloak, AppServer server, TestInfo test) {
        this.keycloak = keycloak;
        this.admin = keycloak.admin();
        this.server = server;
        this.testName = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    }

    /** Waits for real time to pass (Keycloak's token lifetimes are real): until {@code moment}. */
    protected static void waitUntil(Instant moment) throws InterruptedException {
        long millis = moment.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
