package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.AppServer;
import dev.imsauth.conformance.server.Keycloak;
import dev.imsauth.conformance.server.KeycloakAdmin;
import dev.imsauth.testsupport.BrowserSession;
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

    /** A sign-in as the report page showed it: the session cookie, the access token's fingerprint, the ID token's nonce. */
    protected record SignedIn(String cookie, String token, String nonce, long expiresAt) {
    }

    /**
     * Signs alice in at {@code app} in Chromium, then waits into the library's refresh window, past Keycloak's expiry
     * of her access token ({@link App#refreshDueAt(long)}): the start of every refresh scenario.
     */
    protected SignedIn signInAsAliceAndAwaitRefresh(App app) throws InterruptedException {
        SignedIn signedIn;
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(app).resolve("page/start"));
            KeycloakLoginPage.signIn(browser, "alice");
            assertThat(browser.textOf("user")).isEqualTo("alice");
            signedIn = new SignedIn(AppHttp.sessionId(browser), browser.textOf("token"), browser.textOf("nonce"),
                    Long.parseLong(browser.textOf("expires-at")));
        }
        waitUntil(App.refreshDueAt(signedIn.expiresAt()));
        return signedIn;
    }

    /** Waits for real time to pass (Keycloak's token lifetimes are real): until {@code moment}. */
    private static void waitUntil(Instant moment) throws InterruptedException {
        long millis = moment.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
