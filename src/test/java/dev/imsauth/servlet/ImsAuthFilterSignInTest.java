package dev.imsauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.IdTokenSigning;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sign-in through {@link ImsAuthFilter} on a real Jetty, against the test provider on 127.0.0.1,
 * walked hop by hop like a browser.
 */
class ImsAuthFilterSignInTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = SignInExtension.publicClient();
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @Test
    void signInLandsOnTheOriginalUrlSignedIn() {
        HttpResponse<String> toProvider = browser.get(f.url("/protected/page?x=1&y=two"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = BrowserlessClient.location(toProvider);
        assertThat(authorize.toString()).startsWith(f.op.issuer() + "/connect/authorize?");

        HttpResponse<String> afterCallback = browser.follow(browser.follow(toProvider));
        assertThat(afterCallback.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(afterCallback).toString()).isEqualTo(f.url("/protected/page?x=1&y=two"));
        assertThat(afterCallback.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(afterCallback.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        HttpResponse<String> page = browser.follow(afterCallback);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("user=alice;remote=alice;").contains("path=/app/protected/page?x=1&y=two");

        SignedInUser stored = f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
        assertThat(stored.claims().subject()).isEqualTo("alice");
        assertThat(stored.claims().email()).contains("alice@example.com");
        assertThat(stored.tokens().accessToken()).isNotBlank();
        assertThat(stored.tokens().refreshToken()).isPresent();
        assertThat(stored.tokens().idToken()).isPresent();
        assertThat(stored.tokens().expiresAt()).isAfter(f.clock.instant().plus(Duration.ofMinutes(59)));
    }

    @Test
    void tryAgainAfterAFailedCallbackLeadsToThePageTheUserAskedFor() {
        f.op.faults().authorizeError("access_denied", "the user cancelled");
        HttpResponse<String> page = browser.follow(browser.startSignIn(f.url("/protected/report?year=2026&q=a%20b")));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<a href=\"/app/protected/report?year=2026&amp;q=a%20b\">Try again</a>");

        f.op.faults().reset();
        HttpResponse<String> again = browser.get(f.url("/protected/report?year=2026&q=a%20b"));
        HttpResponse<String> landed = browser.follow(browser.follow(browser.follow(again)));
        assertThat(landed.body()).startsWith("user=alice;").contains("path=/app/protected/report?year=2026&q=a%20b");
    }

    @Test
    void tryAgainAfterACallbackOfNoKnownSignInLeadsToTheLandingPage() {
        HttpResponse<String> page = browser.get(f.app.redirectUri() + "?code=x&state=never-issued");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<a href=\"/app/\">Try again</a>");
    }

    @Test
    void authorizationAndTokenRequestsCarryPkceAndTheSameRedirectUri() {
        browser.signIn(f.url("/protected/"));
        RecordedRequest authorize = f.op.requests("/connect/authorize").get(0);
        RecordedRequest token = f.op.requests("/connect/token").get(0);
        assertThat(authorize.first("response_type")).isEqualTo("code");
        assertThat(authorize.first("code_challenge_method")).isEqualTo("S256");
        assertThat(authorize.first("scope").split(" ")).contains("openid", "offline_access", "itwin-platform");
        assertThat(authorize.has("code_verifier")).isFalse();
        assertThat(authorize.first("redirect_uri")).isEqualTo(f.app.redirectUri());
        assertThat(token.first("redirect_uri")).isEqualTo(f.app.redirectUri());
        assertThat(token.first("code_verifier")).matches("[A-Za-z0-9\\-._~]{43,128}");
        assertThat(token.first("client_id")).isEqualTo(SignInFixture.CLIENT_ID);
    }

    @Test
    void sessionIdChangesAtSignIn() {
        browser.get(f.url("/public/hello"));
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        String before = browser.sessionId(f.url("/")).orElseThrow();
        browser.follow(callback);
        String after = browser.sessionId(f.url("/")).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(f.app.userInSession(before)).isEmpty();
        assertThat(f.app.userInSession(after)).isPresent();
    }

    @Test
    void publicPathsNeedNoSignIn() {
        HttpResponse<String> r = browser.get(f.url("/public/info"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("user=none");
        assertThat(f.op.authorizeCalls()).isZero();
    }

    @Test
    void apiCallsGet401InsteadOfARedirect() {
        HttpResponse<String> r = browser.get(f.url("/protected/data"), Map.of("Accept", "application/json"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.body()).contains("\"error\":\"sign_in_required\"");
        HttpResponse<String> xhr = browser.get(f.url("/protected/data"), Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(xhr.statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsACallbackWhoseStateThisBrowserNeverSent() {
        browser.get(f.url("/public/"));
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=abc&state=forged");
        assertRejected(r, 401, "state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    void rejectsACallbackWithoutState() {
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=abc");
        assertRejected(r, 400, "invalid_callback");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    void aReplayedCallbackIsRejectedAndTheCodeRedeemedOnce() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        assertThat(browser.follow(callback).statusCode()).isEqualTo(302);
        HttpResponse<String> replay = browser.follow(callback);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("state_mismatch");
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    void aCallbackAfterTheLoginTimeoutIsRejectedWithoutATokenCall() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        f.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        try {
            assertRejected(browser.follow(callback), 401, "state_mismatch");
            assertThat(f.op.tokenCalls()).isZero();
        } finally {
            f.clock.set(Instant.now());
        }
    }

    @Test
    void aCallbackInAnotherBrowserIsRejected() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        long signedInSessions = f.app.sessionsWithUser();
        BrowserlessClient victim = new BrowserlessClient();
        victim.get(f.url("/public/"));
        HttpResponse<String> r = victim.follow(callback);
        assertRejected(r, 401, "state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
        victim.sessionId(f.url("/")).ifPresent(id -> assertThat(f.app.userInSession(id)).isEmpty());
        assertThat(f.app.sessionsWithUser()).isEqualTo(signedInSessions);
    }

    @Test
    void providerErrorIsShownEscapedWithoutATokenCall() {
        f.op.faults().authorizeError("access_denied", "<script>alert(1)</script>");
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(r, 401, "provider_error");
        assertThat(r.body()).contains("access_denied").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    void rejectsAnIdTokenWithAnotherNonce() {
        f.op.faults().idTokenClaims(b -> b.claim("nonce", "someone-elses-nonce"));
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void rejectsAnIdTokenFromAnotherIssuer() {
        f.op.faults().idTokenClaims(b -> b.issuer("https://evil.example"));
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void rejectsAnIdTokenForAnotherAudience() {
        f.op.faults().idTokenClaims(b -> b.audience(List.of("another-app")));
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void rejectsAnExpiredIdToken() {
        f.op.faults().idTokenClaims(b -> b.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void rejectsAnIdTokenWithABadSignature() {
        f.op.faults().idTokenSigning(IdTokenSigning.BAD_SIGNATURE);
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void rejectsAnUnsignedIdToken() {
        f.op.faults().idTokenSigning(IdTokenSigning.ALG_NONE);
        assertRejected(browser.signIn(f.url("/protected/")), 401, "invalid_id_token");
    }

    @Test
    void twoTabsSigningInAtOnceEachComplete() {
        browser.get(f.url("/public/"));
        HttpResponse<String> tabA = browser.startSignIn(f.url("/protected/a"));
        HttpResponse<String> tabB = browser.startSignIn(f.url("/protected/b"));
        HttpResponse<String> doneB = browser.follow(tabB);
        assertThat(BrowserlessClient.location(doneB).getPath()).isEqualTo("/app/protected/b");
        HttpResponse<String> doneA = browser.follow(tabA);
        assertThat(doneA.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(doneA).getPath()).isEqualTo("/app/protected/a");
        assertThat(f.op.tokenCalls()).isEqualTo(2);
    }

    @Test
    void aPostToAProtectedPathReturnsToTheContextRootAfterSignIn() {
        HttpResponse<String> toProvider = browser.post(f.url("/protected/form"), "a=b", Map.of("Accept", "text/html"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        HttpResponse<String> done = browser.follow(browser.follow(toProvider));
        assertThat(BrowserlessClient.location(done).getPath()).isEqualTo("/app/");
    }

    /** A rejected callback: the status, the reason on the page, no-store, and no user in the session. */
    private void assertRejected(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(reason).doesNotContain("Exception").doesNotContain("at dev.imsauth");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        browser.sessionId(f.url("/")).ifPresent(id -> assertThat(f.app.userInSession(id)).isEmpty());
    }
}
