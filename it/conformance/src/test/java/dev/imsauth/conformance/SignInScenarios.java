package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.KeycloakAdmin.Event;
import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.ConcurrentRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, roles, API calls and refresh on one container against Keycloak, in headless Chromium, each checked
 * against what Keycloak recorded (its stored events). Subclasses name the container with {@link OnServer}.
 */
abstract class SignInScenarios extends ServerScenarios {

    /** Refreshes within a burst of requests after expiry: Keycloak must see exactly one. */
    private static final int CONCURRENT_REQUESTS = 32;

    @Test
    void signsInWithPkceS256StateAndNonceAndReturnsToThePageWithItsQuery() {
        long since = System.currentTimeMillis();
        URI page = server.base(App.PORTAL).resolve("page/orders?id=42&sort=name%20desc");
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(page);
            URI authorization = KeycloakLoginPage.signIn(browser, "alice");
            KeycloakLoginPage.awaitBackAt(browser, page);

            Map<String, String> request = AppHttp.query(authorization);
            assertThat(authorization.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
            assertThat(request).containsEntry("client_id", App.PORTAL.clientId())
                    .containsEntry("response_type", "code")
                    .containsEntry("code_challenge_method", "S256")
                    .containsEntry("redirect_uri", server.base(App.PORTAL) + "signin-oidc");
            assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            assertThat(request.get("state")).isNotBlank();
            assertThat(request.get("nonce")).isNotBlank();
            assertThat(request.get("scope").split(" ")).contains("openid", "itwin-platform", "offline_access");

            assertThat(browser.currentUri()).isEqualTo(page);
            assertThat(browser.textOf("page")).isEqualTo(page.getRawPath() + "?" + page.getRawQuery());
            assertThat(browser.textOf("user")).isEqualTo("alice");
            assertThat(browser.textOf("name")).isEqualTo("Alice Anders");
            assertThat(browser.textOf("email")).isEqualTo("alice@example.test");
            // Keycloak put the nonce it was sent into the ID token, and the library accepted it
            assertThat(browser.textOf("nonce")).isEqualTo(request.get("nonce"));
        }
        String alice = admin.userId("alice");
        List<Event> events = admin.events(App.PORTAL.clientId(), since, "LOGIN", "CODE_TO_TOKEN");
        assertThat(events).extracting(Event::type).containsExactly("LOGIN", "CODE_TO_TOKEN");
        assertThat(events).allSatisfy(event -> assertThat(event.userId()).isEqualTo(alice));
        assertThat(events.get(0).detail("redirect_uri")).isEqualTo(server.base(App.PORTAL) + "signin-oidc");
        // the realm requires S256 of this client (KeycloakRealmIT proves Keycloak refuses requests without it)
        assertThat(events.get(1).sessionId()).isEqualTo(events.get(0).sessionId());
    }

    @Test
    void givesTheRealmRolesFromTheIdTokenToIsUserInRole() {
        try (BrowserSession browser = BrowserSession.start(testName + "-bob")) {
            browser.open(server.base(App.PORTAL).resolve("page/roles"));
            KeycloakLoginPage.signIn(browser, "bob");
            assertThat(browser.textOf("user")).isEqualTo("bob");
            assertThat(browser.textOf("role-admin")).isEqualTo("true");
            assertThat(browser.textOf("role-user")).isEqualTo("true");
        }
        try (BrowserSession browser = BrowserSession.start(testName + "-alice")) {
            browser.open(server.base(App.PORTAL).resolve("page/roles"));
            KeycloakLoginPage.signIn(browser, "alice");
            assertThat(browser.textOf("user")).isEqualTo("alice");
            assertThat(browser.textOf("role-admin")).isEqualTo("false");
            assertThat(browser.textOf("role-user")).isEqualTo("true");
        }
    }

    @Test
    void answersAnApiCallWithoutASessionWith401Json() {
        HttpResponse<String> response = AppHttp.get(server.base(App.PORTAL).resolve("api/me"), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"error\"").doesNotContain(keycloak.issuer() + "/protocol");
    }

    @Test
    void refreshesOnceAtKeycloakWhenManyRequestsArriveAfterExpiry() throws Exception {
        URI api = server.base(App.PORTAL).resolve("api/me");
        SignedIn alice = signInAsAliceAndAwaitRefresh(App.PORTAL);
        String cookie = alice.cookie();
        String firstToken = alice.token();
        long since = System.currentTimeMillis();
        List<HttpResponse<String>> responses = ConcurrentRequests.get(
                Collections.nCopies(CONCURRENT_REQUESTS, api.toString()), cookie);
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        List<String> tokens = responses.stream().map(r -> AppHttp.facts(r.body()).get("token")).distinct().toList();
        assertThat(tokens).hasSize(1).doesNotContain(firstToken);

        List<Event> refreshes = admin.events(App.PORTAL.clientId(), since, "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR");
        assertThat(refreshes).extracting(Event::type).containsExactly("REFRESH_TOKEN");
        assertThat(refreshes.get(0).userId()).isEqualTo(admin.userId("alice"));
        // and the new token is used without another refresh
        assertThat(AppHttp.facts(AppHttp.get(api, cookie).body())).containsEntry("token", tokens.get(0));
        assertThat(admin.events(App.PORTAL.clientId(), since, "REFRESH_TOKEN")).hasSize(1);
    }

    @Test
    void signsInAsAConfidentialClientWithClientSecretBasic() {
        signsInAsTheConfidentialClient(App.BASIC);
    }

    @Test
    void signsInAsAConfidentialClientWithClientSecretPost() {
        signsInAsTheConfidentialClient(App.POST);
    }

    private void signsInAsTheConfidentialClient(App app) {
        long since = System.currentTimeMillis();
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(app).resolve("page/confidential"));
            KeycloakLoginPage.signIn(browser, "bob");
            assertThat(browser.textOf("user")).isEqualTo("bob");
            assertThat(browser.textOf("role-admin")).isEqualTo("true");
        }
        List<Event> exchanges = admin.events(app.clientId(), since, "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR");
        assertThat(exchanges).extracting(Event::type).containsExactly("CODE_TO_TOKEN");
        assertThat(exchanges.get(0).detail("client_auth_method")).isEqualTo("client-secret");
    }

    @Test
    void refusedClientSecretGivesAClearErrorThatDoesNotShowTheSecret() {
        long since = System.currentTimeMillis();
        String page;
        try (BrowserSession browser = BrowserSession.start(testName)) {
            browser.open(server.base(App.WRONG_SECRET).resolve("page/anything"));
            KeycloakLoginPage.signIn(browser, "alice");
            KeycloakLoginPage.awaitBackAt(browser, server.base(App.WRONG_SECRET));
            page = browser.pageText();
            browser.screenshot("refused-secret");
        }
        assertThat(page).contains("authorization_code").contains("unauthorized_client")
                .doesNotContain(App.WRONG_SECRET_VALUE).doesNotContain(App.CONFIDENTIAL_SECRET);
        List<Event> errors = admin.events(App.WRONG_SECRET.clientId(), since, "CODE_TO_TOKEN_ERROR");
        assertThat(errors).extracting(Event::error).containsExactly("invalid_client_credentials");
    }

}
