package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.KeycloakAdmin.Event;
import dev.imsauth.testsupport.BrowserSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-out through the documented routes (docs/tomcat.md step 7, docs/wildfly.md step 7) and back-channel
 * logout from Keycloak, each checked against Keycloak's LOGOUT event and the application's session. They sign in
 * at {@link App#ONLINE}, without {@code offline_access}: Keycloak 26.1+ keeps no login session after a first
 * sign-in that asks for it, so there would be nothing for end-session or the admin logout to end.
 */
abstract class SignOutScenarios extends ServerScenarios {

    @Test
    void signsOutWithASignOutButtonThatPostsToTheLogoutPath() {
        signOut(browser -> browser.click("sign-out"));
    }

    @Test
    void signsOutFromTheConfirmationPageOfTheLogoutPath() {
        signOut(browser -> {
            browser.open(server.base(App.ONLINE).resolve("logout"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("form button, form input[type=submit]")).isEmpty());
            browser.driver().findElement(By.cssSelector("form button, form input[type=submit]")).click();
        });
    }

    @Test
    void endsTheApplicationSessionWhenKeycloakLogsTheUserOutOverTheBackChannel() {
        URI api = server.base(App.ONLINE).resolve("api/me");
        String cookie;
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(App.ONLINE).resolve("page/start"));
            KeycloakLoginPage.signIn(browser, "alice");
            assertThat(browser.textOf("user")).isEqualTo("alice");
            cookie = AppHttp.sessionId(browser);
        }
        assertThat(AppHttp.get(api, cookie).statusCode()).isEqualTo(200);
        long since = System.currentTimeMillis();

        admin.logoutUser(admin.userId("alice"));

        assertThat(AppHttp.get(api, cookie).statusCode()).isEqualTo(401);
        // the logout token ended the session, not a refresh that Keycloak refused
        assertThat(admin.events(App.ONLINE.clientId(), since, "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR")).isEmpty();
    }

    private interface SignOutStep {
        void run(BrowserSession browser);
    }

    private void signOut(SignOutStep step) {
        URI page = server.base(App.ONLINE).resolve("page/account");
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(page);
            KeycloakLoginPage.signIn(browser, "alice");
            String sid = browser.textOf("sid");
            long since = System.currentTimeMillis();

            step.run(browser);

            // back at the post-logout redirect URI: by default the library's own signed-out page
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(d -> URI.create(d.getCurrentUrl()).getPort() == page.getPort()
                                && !d.findElements(By.id("signed-out")).isEmpty());
            } catch (TimeoutException e) {
                browser.screenshot("not-signed-out");
                throw new AssertionError("Not on the signed-out page after signing out; the browser shows "
                        + browser.currentUri().getPath() + ":\n" + browser.pageText(), e);
            }
            browser.screenshot("signed-out");
            List<Event> logouts = admin.events(App.ONLINE.clientId(), since, "LOGOUT", "LOGOUT_ERROR");
            assertThat(logouts).extracting(Event::type).containsExactly("LOGOUT");
            assertThat(logouts.get(0).sessionId()).isEqualTo(sid);

            // neither the application nor Keycloak remembers the user: a protected page asks for a password again
            browser.open(page);
            KeycloakLoginPage.await(browser);
        }
    }
}
