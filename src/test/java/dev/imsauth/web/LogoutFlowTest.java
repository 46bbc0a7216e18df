package dev.imsauth.web;

import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.hardening.Catalogue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing out at {@code /logout} through {@link ImsAuthFilter}: a same-origin POST ends the session, revokes
 * the refresh token and goes through the provider's end-session endpoint; GET only asks; cross-site
 * requests are refused. A confidential client, so the log check also covers the client secret.
 */
class LogoutFlowTest {
    private static final String SECRET = "logout-secret-Zq8!";
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().secret(SECRET)
            .config(b -> b.postLogoutRedirectUri("/public/bye"))
            .afterStart(f -> f.op.registerPostLogoutRedirectUri(SignInFixture.CLIENT_ID, f.url("/public/bye"))));
    private static SignInFixture local;
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();
    private LogCapture logs;
    private final List<String> seenTokens = new ArrayList<>(List.of(SECRET));

    /** Without end-session and revocation endpoints: faults set before discovery, so never reset. */
    @BeforeAll
    static void start() {
        local = SignInFixture.builder().secret(SECRET)
                .config(b -> b.postLogoutRedirectUri("/public/bye").logoutPath("/signout"))
                .provider(op -> op.faults().omitEndSessionEndpoint(true).omitRevocationEndpoint(true)).start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void signIn() {
        logs = LogCapture.start();
        browser.follow(browser.signIn(f.url("/protected/start")));
        remember(stored(f));
    }

    @AfterEach
    void noSecretInTheLogs() {
        LogHygiene.assertNoSecrets(logs, f.op, seenTokens);
        LogHygiene.assertNoSecrets(logs, local.op, seenTokens);
        logs.close();
    }

    @Catalogue({"D03", "D04"})
    @Test
    void aSameOriginPostRevokesEndsTheSessionAndRedirectsToTheProvider() {
        SignedInUser user = stored(f);
        String session = browser.sessionId(f.url("/")).orElseThrow();

        HttpResponse<String> r = browser.post(f.url("/logout"), "", Map.of("Origin", f.app.origin()));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        URI endSession = BrowserlessClient.location(r);
        assertThat(endSession.toString()).startsWith(f.op.issuer() + "/connect/endsession?");
        Map<String, String> q = query(endSession);
        assertThat(q.get("id_token_hint")).isEqualTo(user.tokens().idToken().orElseThrow());
        assertThat(q.get("client_id")).isEqualTo(SignInFixture.CLIENT_ID);
        assertThat(q.get("post_logout_redirect_uri")).isEqualTo(f.url("/public/bye"));
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(32);

        assertThat(f.op.revocations()).as("not before end-session: the provider's session must still be there")
                .isZero();
        assertThat(f.app.session(session)).isEmpty();

        HttpResponse<String> back = browser.follow(r);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(f.op.endedSessionId(user.claims().subject())).as("end-session ended the provider's session")
                .contains(user.claims().string("sid").orElseThrow());
        assertThat(BrowserlessClient.location(back).toString()).isEqualTo(f.url("/public/bye") + "?state=" + q.get("state"));
        browser.follow(back);
        assertThat(f.op.requests().stream().map(req -> req.path()).filter(p -> p.startsWith("/connect/end")
                || p.startsWith("/connect/rev")).toList()).as("the provider sees end-session, then the revocation")
                .containsExactly("/connect/endsession", "/connect/revocation");
        assertThat(f.op.requests("/connect/revocation").get(0).first("token"))
                .isEqualTo(user.tokens().refreshToken().orElseThrow());
        assertThat(f.op.isRefreshTokenActive(user.tokens().refreshToken().orElseThrow())).isFalse();
        assertThat(logs.text()).doesNotContain("state");
        HttpResponse<String> again = browser.get(f.url("/protected/page"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(again).getPath()).isEqualTo("/connect/authorize");
    }

    @Catalogue("D03")
    @Test
    void theOldSessionCookieNoLongerSignsAnyoneIn() {
        String session = browser.sessionId(f.url("/")).orElseThrow();
        assertThat(browser.post(f.url("/logout"), "", Map.of("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(302);
        BrowserlessClient thief = new BrowserlessClient();
        HttpResponse<String> r = thief.get(f.url("/protected/page"), Map.of("Cookie", "JSESSIONID=" + session,
                "Accept", "text/html"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(f.app.userInSession(session)).isEmpty();
    }

    @Catalogue("D06")
    @Test
    void getOnlyShowsAConfirmationForm() {
        HttpResponse<String> page = browser.get(f.url("/logout"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/app/logout\"")
                .contains("name=\"" + LogoutFlow.TOKEN_FIELD + "\"");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.revocations()).isZero();
    }

    @Test
    void theConfirmationFormSignsOutWithItsTokenWhenTheBrowserSendsNoOrigin() {
        String token = formToken(browser.get(f.url("/logout")).body());
        seenTokens.add(token);
        String session = browser.sessionId(f.url("/")).orElseThrow();

        HttpResponse<String> r = browser.post(f.url("/logout"), LogoutFlow.TOKEN_FIELD + "=" + token, Map.of());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).getPath()).isEqualTo("/connect/endsession");
        assertThat(f.app.session(session)).isEmpty();
    }

    static Stream<Arguments> crossSiteRequests() {
        return Stream.of(
                Arguments.of("another Origin", Map.of("Origin", "https://evil.example")),
                Arguments.of("Sec-Fetch-Site cross-site", Map.of("Sec-Fetch-Site", "cross-site")),
                Arguments.of("Sec-Fetch-Site same-site", Map.of("Sec-Fetch-Site", "same-site")),
                Arguments.of("another Referer", Map.of("Referer", "https://evil.example/page")),
                Arguments.of("no origin signal and no token", Map.of()),
                Arguments.of("no origin signal and a wrong token", Map.of("token", "guessed")));
    }

    @Catalogue("D06")
    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSiteRequests")
    void crossSiteLogoutIsRefusedAndTheUserStaysSignedIn(String name, Map<String, String> headers) {
        Map<String, String> h = new HashMap<>(headers);
        String form = h.containsKey("token") ? LogoutFlow.TOKEN_FIELD + "=" + h.remove("token") : "";
        HttpResponse<String> r = browser.post(f.url("/logout"), form, h);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross_site_logout");
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.revocations()).isZero();
        assertThat(logs.text()).contains("Refused a logout request");
    }

    @Catalogue("D06")
    @Test
    void aValidTokenDoesNotOverrideACrossSiteOrigin() {
        String token = formToken(browser.get(f.url("/logout")).body());
        seenTokens.add(token);
        HttpResponse<String> r = browser.post(f.url("/logout"), LogoutFlow.TOKEN_FIELD + "=" + token,
                Map.of("Origin", "https://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
    }

    @Catalogue("D07")
    @Test
    void withoutEndSessionAndRevocationEndpointsTheLogoutIsLocal() {
        BrowserlessClient b = new BrowserlessClient();
        b.follow(b.signIn(local.url("/protected/start")));
        remember(stored(local, b));
        assertThat(b.get(local.url("/logout")).body()).startsWith("user=alice"); // only /signout is special here

        HttpResponse<String> r = b.post(local.url("/signout"), "", Map.of("Origin", local.app.origin()));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).toString()).isEqualTo(local.url("/public/bye"));
        assertThat(b.follow(r).statusCode()).as("the post-logout path is public").isEqualTo(200);
        assertThat(local.op.revocations()).isZero();
        assertThat(local.op.endSessionCalls()).isZero();
        assertThat(local.app.sessionsWithUser()).isZero();
        assertThat(b.get(local.url("/protected/page")).statusCode()).isEqualTo(302);
    }

    @Test
    void aLogoutWithoutASessionJustGoesToThePostLogoutPage() {
        BrowserlessClient stranger = new BrowserlessClient();
        HttpResponse<String> r = stranger.post(f.url("/logout"), "", Map.of("Origin", f.app.origin()));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).toString()).isEqualTo(f.url("/public/bye"));
        assertThat(stranger.get(f.url("/logout")).body()).contains("You are signed out");
        assertThat(f.op.revocations()).isZero();
    }

    @Test
    void aFailingRevocationStillSignsOut() {
        f.op.faults().revocationStatus(500);
        String session = browser.sessionId(f.url("/")).orElseThrow();
        HttpResponse<String> r = browser.post(f.url("/logout"), "", Map.of("Origin", f.app.origin()));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).getPath()).isEqualTo("/connect/endsession");
        assertThat(f.app.session(session)).isEmpty();
        HttpResponse<String> landing = browser.follow(browser.follow(r));
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(logs.text()).contains("Revoking the refresh token failed");
        assertThat(f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow())).isEmpty();
    }

    @Test
    void theConfirmationPageLetsItsFormLeadToTheProvidersEndSessionOrigin() {
        String csp = browser.get(f.url("/logout")).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("form-action 'self' " + f.op.issuer() + ";").contains("default-src 'none'");
        BrowserlessClient b = new BrowserlessClient();
        b.follow(b.signIn(local.url("/protected/start")));
        remember(stored(local, b));
        assertThat(b.get(local.url("/signout")).headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("without end-session only this origin").contains("form-action 'self';");
    }

    @Test
    void aLandingWithAForeignOrMissingStateIsLoggedAndStillFinishesTheSignOut() {
        SignedInUser user = stored(f);
        HttpResponse<String> r = browser.post(f.url("/logout"), "", Map.of("Origin", f.app.origin()));
        assertThat(r.statusCode()).isEqualTo(302);

        HttpResponse<String> landing = browser.get(f.url("/public/bye?state=someone-elses"));

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(logs.text()).contains("The post-logout landing carried a foreign state");
        assertThat(f.op.isRefreshTokenActive(user.tokens().refreshToken().orElseThrow())).isFalse();
        HttpResponse<String> stranger = new BrowserlessClient().get(f.url("/public/bye?state=made-up"));
        assertThat(stranger.statusCode()).isEqualTo(200);
        assertThat(logs.text()).contains("no sign-out under way; treated as a plain visit");
    }

    @Test
    void aSignOutWhoseBrowserNeverReachesTheLandingIsFinishedByItsNextRequestAndSignInWorksAgain() {
        SignedInUser first = stored(f);
        assertThat(browser.post(f.url("/logout"), "", Map.of("Origin", f.app.origin())).statusCode()).isEqualTo(302);
        assertThat(f.op.isRefreshTokenActive(first.tokens().refreshToken().orElseThrow()))
                .as("not revoked before the browser is back from the provider").isTrue();

        // the browser does not follow the end-session redirect: it opens a page of the application instead
        HttpResponse<String> next = browser.get(f.url("/protected/page"));

        assertThat(next.statusCode()).as("nobody is signed in any more").isEqualTo(302);
        assertThat(f.op.isRefreshTokenActive(first.tokens().refreshToken().orElseThrow())).isFalse();
        assertThat(f.op.requests("/connect/revocation")).hasSize(1);
        browser.follow(browser.signIn(f.url("/protected/page")));
        SignedInUser second = stored(f);
        remember(second);
        assertThat(second.tokens().refreshToken()).isNotEqualTo(first.tokens().refreshToken());
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.requests("/connect/revocation")).as("the signed-in requests revoke nothing more").hasSize(1);
        assertThat(f.op.isRefreshTokenActive(second.tokens().refreshToken().orElseThrow())).isTrue();
    }

    @Test
    void anApiGetOfTheLogoutPathIsToldToPost() {
        HttpResponse<String> xhr = browser.get(f.url("/logout"), Map.of("Accept", "application/json"));
        assertThat(xhr.statusCode()).isEqualTo(405);
        assertThat(xhr.headers().firstValue("Allow")).contains("POST");
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
    }

    private SignedInUser stored(SignInFixture fixture) {
        return stored(fixture, browser);
    }

    private static SignedInUser stored(SignInFixture fixture, BrowserlessClient b) {
        return fixture.app.userInSession(b.sessionId(fixture.url("/")).orElseThrow()).orElseThrow();
    }

    private void remember(SignedInUser user) {
        seenTokens.add(user.tokens().accessToken());
        user.tokens().refreshToken().ifPresent(seenTokens::add);
        user.tokens().idToken().ifPresent(seenTokens::add);
    }

    private static String formToken(String html) {
        Matcher m = Pattern.compile("name=\"" + LogoutFlow.TOKEN_FIELD + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
