package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static dev.imsauth.hardening.Verdicts.param;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RawHttp;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue section C: the callback, its state, code and error parameters, PKCE, the issuer parameter
 * and the redirect URI, attacked at the filter on a real Jetty against the strict test provider.
 * Every rejection is checked for what the provider received (no token call after a bad state).
 */
class CallbackAttacksTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = SignInExtension.publicClient();
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @Test
    @Catalogue("C01")
    void aCallbackWithoutStateIsABadRequestAndNoCodeIsRedeemed() {
        URI callback = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=" + enc(param(callback, "code").orElseThrow()));
        assertRejected(f, browser, r, 400, "invalid_callback");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C02")
    void aCallbackWithAStateThisSessionNeverIssuedIsRejectedWithoutATokenCall() {
        URI callback = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=" + enc(param(callback, "code").orElseThrow())
                + "&state=" + "A".repeat(43));
        assertRejected(f, browser, r, 401, "state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
        assertThat(f.app.pendingStates(browser.sessionId(f.url("/")).orElseThrow()))
                .as("the real sign-in is still pending").containsExactly(param(callback, "state").orElseThrow());
    }

    @Test
    @Catalogue("C03")
    void anAttackersCallbackReplayedIntoTheVictimsBrowserDoesNotSignTheVictimIn() {
        BrowserlessClient attacker = new BrowserlessClient();
        HttpResponse<String> attackersCallback = attacker.startSignIn(f.url("/protected/"));
        BrowserlessClient victim = new BrowserlessClient();
        victim.startSignIn(f.url("/protected/mine"));
        long signedIn = f.app.sessionsWithUser();

        HttpResponse<String> r = victim.follow(attackersCallback);
        assertRejected(f, victim, r, 401, "state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
        assertThat(f.app.sessionsWithUser()).isEqualTo(signedIn);
    }

    @Test
    @Catalogue("C04")
    void aCallbackSubmittedTwiceSignsInOnceAndRedeemsTheCodeOnce() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        assertSignedIn(f, browser, browser.follow(callback), "/app/protected/");
        HttpResponse<String> replay = browser.follow(callback);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("state_mismatch");
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue("C04")
    void tenConcurrentSubmissionsOfOneCallbackSignInExactlyOnce() throws Exception {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<HttpResponse<String>>> all = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> browser.follow(callback), pool)).toList();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> r : all) {
                statuses.add(r.get().statusCode());
            }
            assertThat(statuses).containsOnly(302, 401).filteredOn(s -> s == 302).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue("C05")
    void aCallbackAfterTheTenMinuteSignInWindowIsRejectedWithoutATokenCall() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        f.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<String> r = browser.follow(callback);
        assertRejected(f, browser, r, 401, "state_mismatch");
        assertThat(r.body()).contains("expired");
        assertThat(f.op.tokenCalls()).isZero();
        HttpResponse<String> again = browser.follow(callback);
        assertThat(again.body()).as("the expired state is gone, not reusable").contains("state_mismatch")
                .doesNotContain("expired");
    }

    @Test
    @Catalogue("C06")
    void aCallbackArrivingWithoutTheSessionCookieIsRejectedAndCreatesNoSession() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        int sessions = f.app.liveSessions();
        browser.removeCookie(f.url("/"), "JSESSIONID");
        HttpResponse<String> r = browser.follow(callback);
        assertRejected(f, browser, r, 401, "state_mismatch");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(f.app.liveSessions()).isEqualTo(sessions);
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C07")
    void threeTabsCompleteInAnyOrderEachWithItsOwnNonceAndVerifier() {
        browser.get(f.url("/public/"));
        List<HttpResponse<String>> tabs = new ArrayList<>();
        List<String> nonces = new ArrayList<>();
        for (String tab : List.of("a", "b", "c")) {
            tabs.add(browser.startSignIn(f.url("/protected/" + tab)));
            List<RecordedRequest> authorizes = f.op.requests(ProviderPaths.AUTHORIZE);
            nonces.add(authorizes.get(authorizes.size() - 1).first("nonce"));
        }
        for (int i : new int[] {2, 0, 1}) {
            SignedInUser user = assertSignedIn(f, browser, browser.follow(tabs.get(i)),
                    "/app/protected/" + List.of("a", "b", "c").get(i));
            assertThat(user.claims().string("nonce")).contains(nonces.get(i));
        }
        assertThat(f.op.tokenCalls()).isEqualTo(3);
    }

    @Test
    @Catalogue("C07")
    void beyondTenTabsTheOldestSignInIsForgottenNotMixedUp() {
        browser.get(f.url("/public/"));
        List<HttpResponse<String>> tabs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            tabs.add(browser.startSignIn(f.url("/protected/" + i)));
        }
        assertThat(f.app.pendingStates(browser.sessionId(f.url("/")).orElseThrow())).hasSize(10);
        assertRejected(f, browser, browser.follow(tabs.get(0)), 401, "state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
        assertSignedIn(f, browser, browser.follow(tabs.get(10)), "/app/protected/10");
    }

    @Test
    @Catalogue("C08")
    void tenThousandSignInStartsInOneSessionKeepAtMostTenPending() throws Exception {
        browser.get(f.url("/protected/first"));
        String id = browser.sessionId(f.url("/")).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> all = IntStream.range(0, 4).mapToObj(t -> CompletableFuture.supplyAsync(() -> {
                int redirects = 0;
                for (int i = 0; i < 2500; i++) {
                    redirects += browser.get(f.url("/protected/" + i)).statusCode() == 302 ? 1 : 0;
                }
                return redirects;
            }, pool)).toList();
            int redirects = 0;
            for (CompletableFuture<Integer> c : all) {
                redirects += c.get();
            }
            assertThat(redirects + 1).isEqualTo(10_001);
        } finally {
            pool.shutdownNow();
        }
        assertThat(browser.sessionId(f.url("/"))).contains(id);
        assertThat(f.app.pendingStates(id)).hasSize(10);
        assertThat(f.op.authorizeCalls()).isZero();
    }

    @Test
    @Catalogue("C09")
    void aCallbackWithStateButNeitherCodeNorErrorIsABadRequestAndSpendsTheState() {
        URI callback = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        String state = param(callback, "state").orElseThrow();
        assertRejected(f, browser, browser.get(f.app.redirectUri() + "?state=" + enc(state)), 400, "invalid_callback");
        HttpResponse<String> late = browser.get(callback.toString());
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.body()).contains("state_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C10")
    void anAccessDeniedErrorIsShownEscapedSpendsTheStateAndRedeemsNothing() {
        f.op.faults().authorizeError("access_denied", "<img src=x onerror=alert(1)> \"quoted\"");
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        HttpResponse<String> r = browser.follow(callback);
        assertRejected(f, browser, r, 401, "provider_error");
        assertThat(r.body()).contains("access_denied").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;quoted&quot;").doesNotContain("<img");
        assertThat(f.op.tokenCalls()).isZero();
        String state = param(BrowserlessClient.location(callback), "state").orElseThrow();
        HttpResponse<String> withCode = browser.get(f.app.redirectUri() + "?code=x&state=" + enc(state));
        assertThat(withCode.body()).as("the state died with the error").contains("state_mismatch");
    }

    @Test
    @Catalogue("C11")
    void anErrorAlongsideACodeWinsAndTheCodeIsNotRedeemed() {
        URI callback = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        HttpResponse<String> r = browser.get(callback + "&error=server_error");
        assertRejected(f, browser, r, 401, "provider_error");
        assertThat(r.body()).contains("server_error");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C12")
    void anErrorWithoutOrWithAForeignStateLeavesTheSignInsUnderWayAlone() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/kept"));
        assertRejected(f, browser, browser.get(f.app.redirectUri() + "?error=access_denied"), 400, "invalid_callback");
        assertRejected(f, browser, browser.get(f.app.redirectUri() + "?error=access_denied&state=" + "B".repeat(43)),
                401, "state_mismatch");
        assertSignedIn(f, browser, browser.follow(callback), "/app/protected/kept");
    }

    @Test
    @Catalogue("C14")
    void aMegabyteParameterIsRefusedByTheContainerWithoutEcho() {
        browser.get(f.url("/public/"));
        String huge = "x".repeat(1024 * 1024);
        for (String name : List.of("code", "state", "error_description")) {
            RawHttp.Response r = RawHttp.get(f.app.port(), "/app/signin-oidc?state=s&" + name + "=" + huge, "127.0.0.1");
            assertThat(r.status()).as(name).isIn(400, 414, 431);
            assertThat(r.body().length()).isLessThan(4096);
        }
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C14")
    void aParameterOverTheLibrarysLimitIsABadRequestAndALongDescriptionIsCut() {
        URI callback = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        String state = param(callback, "state").orElseThrow();
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?state=" + enc(state) + "&code="
                + "c".repeat(CallbackParameters.MAX_VALUE_LENGTH + 1));
        assertRejected(f, browser, r, 400, "invalid_callback");
        assertThat(r.body()).doesNotContain("ccccc");

        String next = param(BrowserlessClient.location(browser.startSignIn(f.url("/protected/"))), "state").orElseThrow();
        HttpResponse<String> described = browser.get(f.app.redirectUri() + "?state=" + enc(next)
                + "&error=access_denied&error_description=" + "d".repeat(4000));
        assertRejected(f, browser, described, 401, "provider_error");
        assertThat(described.body()).doesNotContain("d".repeat(301));
        assertThat(described.body().length()).isLessThan(2000);
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C15")
    void anInjectedCodeFailsThePkceCheckAtTheProvider() {
        URI attackers = BrowserlessClient.location(new BrowserlessClient().startSignIn(f.url("/protected/")));
        URI victims = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=" + enc(param(attackers, "code").orElseThrow())
                + "&state=" + enc(param(victims, "state").orElseThrow()));
        assertRejected(f, browser, r, 401, "token_rejected");
        assertThat(r.body()).contains("invalid_grant");
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue("C15")
    void withoutPkceAtTheProviderAnInjectedCodeStillFailsOnTheNonce() {
        f.op.faults().skipPkceCheck(true);
        URI attackers = BrowserlessClient.location(new BrowserlessClient().startSignIn(f.url("/protected/")));
        URI victims = BrowserlessClient.location(browser.startSignIn(f.url("/protected/")));
        HttpResponse<String> r = browser.get(f.app.redirectUri() + "?code=" + enc(param(attackers, "code").orElseThrow())
                + "&state=" + enc(param(victims, "state").orElseThrow()));
        assertRejected(f, browser, r, 401, "invalid_id_token");
        assertThat(r.body()).contains("nonce");
    }

    @Test
    @Catalogue("C16")
    void pkceIsS256WithAFreshVerifierThatNeverTravelsThroughTheBrowser() throws Exception {
        browser.signIn(f.url("/protected/1"));
        BrowserlessClient second = new BrowserlessClient();
        second.signIn(f.url("/protected/2"));
        List<RecordedRequest> authorizes = f.op.requests(ProviderPaths.AUTHORIZE);
        List<RecordedRequest> tokens = f.op.requests(ProviderPaths.TOKEN);
        Set<String> verifiers = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            String verifier = tokens.get(i).first("code_verifier");
            assertThat(verifier).matches("[A-Za-z0-9\\-._~]{43,128}");
            assertThat(authorizes.get(i).first("code_challenge_method")).isEqualTo("S256");
            assertThat(authorizes.get(i).first("code_challenge")).isEqualTo(s256(verifier));
            assertThat(authorizes.get(i).has("code_verifier")).isFalse();
            verifiers.add(verifier);
            for (HttpResponse<String> seen : browser.history()) {
                assertThat(seen.uri() + " " + seen.headers().map() + seen.body()).doesNotContain(verifier);
            }
            for (HttpResponse<String> seen : second.history()) {
                assertThat(seen.uri() + " " + seen.headers().map() + seen.body()).doesNotContain(verifier);
            }
        }
        assertThat(verifiers).hasSize(2);
    }

    @Test
    @Catalogue("C17")
    void aThousandSignInsHaveUniqueUrlSafeStatesAndNoncesOfAtLeast128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            URI authorize = BrowserlessClient.location(browser.get(f.url("/protected/" + i)));
            for (String name : List.of("state", "nonce")) {
                String value = param(authorize, name).orElseThrow();
                assertThat(value).matches("[A-Za-z0-9_-]{22,}");
                assertThat(seen.add(value)).as("unique " + name).isTrue();
            }
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    @Catalogue("C18")
    void aCallbackNamingAnotherIssuerIsRejectedBeforeTheCodeIsRedeemed() {
        f.op.faults().authorizationResponseIss("https://evil-as.example");
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 401, "issuer_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("C20")
    void theAuthorizationAndTokenRequestsCarryTheSameConfiguredRedirectUri() {
        browser.signIn(f.url("/protected/"));
        assertThat(f.op.requests(ProviderPaths.AUTHORIZE).get(0).first("redirect_uri")).isEqualTo(f.app.redirectUri());
        assertThat(f.op.requests(ProviderPaths.TOKEN).get(0).first("redirect_uri")).isEqualTo(f.app.redirectUri());
    }

    @Test
    @Catalogue("C21")
    void aForgedHostHeaderCannotMoveAConfiguredRedirectUri() {
        for (var setting : List.<java.util.function.UnaryOperator<dev.imsauth.config.ImsAuthConfigBuilder>>of(
                b -> b.redirectUri("https://portal.example.com/app/signin-oidc"),
                b -> b.publicBaseUrl("https://portal.example.com"))) {
            try (SignInFixture absolute = SignInFixture.with(setting)) {
                RawHttp.Response r = RawHttp.get(absolute.app.port(), "/app/protected/", "evil.example");
                assertThat(r.status()).isEqualTo(302);
                URI authorize = URI.create(r.header("Location").orElseThrow());
                assertThat(param(authorize, "redirect_uri")).contains("https://portal.example.com/app/signin-oidc");
            }
        }
    }

    @Test
    @Catalogue("C21")
    void withARelativeRedirectUriAForgedHostIsRefusedByTheProvidersExactMatch() {
        RawHttp.Response r = RawHttp.get(f.app.port(), "/app/protected/", "evil.example:" + f.app.port());
        URI authorize = URI.create(r.header("Location").orElseThrow());
        assertThat(param(authorize, "redirect_uri")).contains("http://evil.example:" + f.app.port() + "/app/signin-oidc");
        HttpResponse<String> atProvider = browser.get(authorize.toString());
        assertThat(atProvider.statusCode()).isEqualTo(400);
        assertThat(atProvider.headers().firstValue("Location")).isEmpty();
        assertThat(atProvider.body()).contains("redirect_uri");
    }

    @Test
    @Catalogue("C23")
    void callbackResponsesAreNeverCachedNorLeakTheirUrlAndTheCodeLeavesTheAddressBar() {
        HttpResponse<String> success = browser.follow(browser.startSignIn(f.url("/protected/page")));
        assertSignedIn(f, browser, success, "/app/protected/page");
        assertThat(BrowserlessClient.location(success).getRawQuery()).isNull();
        BrowserlessClient other = new BrowserlessClient();
        f.op.faults().authorizeError("access_denied", null);
        HttpResponse<String> failure = other.follow(other.startSignIn(f.url("/protected/page")));
        assertRejected(f, other, failure, 401, "provider_error");
    }

    @Test
    @Catalogue("C24")
    void aFormPostCallbackIsRefusedBecauseOnlyQueryModeIsSupported() {
        HttpResponse<String> toCallback = browser.startSignIn(f.url("/protected/"));
        URI callback = BrowserlessClient.location(toCallback);
        HttpResponse<String> r = browser.post(f.app.redirectUri(), callback.getRawQuery(), Map.of("Accept", "text/html"));
        assertRejected(f, browser, r, 400, "invalid_callback");
        assertThat(r.body()).contains("GET");
        assertThat(f.op.tokenCalls()).isZero();
        assertThat(browser.follow(toCallback).body()).as("a callback is single use, whatever its fate")
                .contains("state_mismatch");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
