package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.KeycloakAdmin.Event;
import dev.imsauth.testsupport.BrowserSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where Keycloak behaves unlike IMS and the library must follow the specification: the provider's own reason
 * on the error page, claims only from userinfo (OpenID Connect Core §5.4), a refreshed ID token that repeats
 * the original nonce (§12.2).
 */
abstract class ProviderReasonScenarios extends ServerScenarios {

    @Test
    void showsKeycloaksReasonWhenItRefusesOfflineAccess() {
        long since = System.currentTimeMillis();
        String page;
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(App.PORTAL).resolve("page/start"));
            KeycloakLoginPage.signIn(browser, "carol");   // carol lacks the offline_access role
            KeycloakLoginPage.awaitBackAt(browser, server.base(App.PORTAL));
            page = browser.pageText();
            browser.screenshot("offline-access-refused");
        }
        assertThat(page).contains("not_allowed").contains("Offline tokens not allowed for the user or client");
        assertThat(admin.events(App.PORTAL.clientId(), since, "CODE_TO_TOKEN_ERROR"))
                .extracting(Event::error).containsExactly("not_allowed");
    }

    @Test
    void takesNameEmailAndRolesFromUserinfoWhenTheIdTokenLacksThem() {
        long since = System.currentTimeMillis();
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(App.USERINFO).resolve("page/profile"));
            KeycloakLoginPage.signIn(browser, "bob");
            assertThat(browser.textOf("user")).isEqualTo("bob");
            assertThat(browser.textOf("name")).isEqualTo("Bob Berg");
            assertThat(browser.textOf("email")).isEqualTo("bob@example.test");
            assertThat(browser.textOf("role-admin")).isEqualTo("true");
        }
        assertThat(admin.events(App.USERINFO.clientId(), since, "USER_INFO_REQUEST"))
                .extracting(Event::userId).containsExactly(admin.userId("bob"));
    }

    @Test
    void staysSignedInWhenTheRefreshedIdTokenRepeatsTheOriginalNonce() throws Exception {
        URI api = server.base(App.NONCE).resolve("api/me");
        SignedIn alice = signInAsAliceAndAwaitRefresh(App.NONCE);
        String cookie = alice.cookie();
        String nonce = alice.nonce();
        long expiresAt = alice.expiresAt();
        long since = System.currentTimeMillis();

        HttpResponse<String> response = AppHttp.get(api, cookie);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> facts = AppHttp.facts(response.body());
        assertThat(facts).containsEntry("user", "alice").containsEntry("nonce", nonce);
        assertThat(Long.parseLong(facts.get("expires-at"))).isGreaterThan(expiresAt);
        List<Event> refreshes = admin.events(App.NONCE.clientId(), since, "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR");
        assertThat(refreshes).extracting(Event::type).containsExactly("REFRESH_TOKEN");
    }
}
