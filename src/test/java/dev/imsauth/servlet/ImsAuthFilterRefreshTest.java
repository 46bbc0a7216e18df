package dev.imsauth.servlet;

import dev.imsauth.hardening.Catalogue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refreshing a signed-in user's tokens through {@link ImsAuthFilter}, against the test provider: access
 * tokens live 10 minutes, the app refreshes in the last 60 seconds. The app's time is a
 * {@link dev.imsauth.testsupport.MutableClock} moved by hand, never by sleeping.
 */
class ImsAuthFilterRefreshTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration MARGIN = Duration.ofSeconds(60); // ims.refresh-margin's default
    // one clock for app and provider: refreshed ID tokens are checked against the app's clock
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(
            SignInFixture.builder().afterStart(f -> f.op.setClock(f.clock).setAccessTokenLifetime(LIFETIME)));
    private final SignInFixture f = SIGN_IN.fixture();
    private LogCapture logs;
    private final BrowserlessClient browser = new BrowserlessClient();
    private final List<String> seenTokens = new ArrayList<>();

    @BeforeEach
    void signIn() {
        f.op.setNonceInRefreshedIdToken(false);
        f.clock.set(Instant.now());
        logs = LogCapture.start();
        assertThat(browser.follow(browser.signIn(f.url("/protected/start"))).statusCode()).isEqualTo(200);
        remember(stored());
        f.op.clearRequests();
    }

    @AfterEach
    void noSecretInTheLogs() {
        LogHygiene.assertNoSecrets(logs, f.op, seenTokens);
        logs.close();
    }

    @Catalogue("G01")
    @Test
    void refreshesTheAccessTokenInTheLastMinuteBeforeItExpires() {
        SignedInUser before = stored();
        f.clock.advance(LIFETIME.minusSeconds(30));

        HttpResponse<String> page = browser.get(f.url("/protected/page"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("user=alice;");
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        RecordedRequest refresh = f.op.requests("/connect/token").get(0);
        assertThat(refresh.first("refresh_token")).isEqualTo(before.tokens().refreshToken().orElseThrow());
        assertThat(refresh.first("client_id")).isEqualTo(SignInFixture.CLIENT_ID);
        SignedInUser after = remember(stored());
        assertThat(after.tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
        assertThat(after.tokens().expiresAt()).isEqualTo(f.clock.instant().plus(LIFETIME));
        assertThat(after.claims().subject()).isEqualTo("alice");
    }

    @Test
    void leavesAFreshTokenAlone() {
        f.clock.advance(LIFETIME.minusMinutes(2));
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Catalogue("G02")
    @Test
    void storesTheRotatedRefreshTokenAndTheOldOneIsSpent() {
        String oldRefreshToken = stored().tokens().refreshToken().orElseThrow();
        f.clock.advance(LIFETIME);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);

        String newRefreshToken = remember(stored()).tokens().refreshToken().orElseThrow();
        assertThat(newRefreshToken).isNotEqualTo(oldRefreshToken);
        assertThat(f.op.isRefreshTokenActive(newRefreshToken)).isTrue();
        assertThat(f.op.isRefreshTokenActive(oldRefreshToken)).isFalse();

        f.clock.advance(LIFETIME);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
        assertThat(f.op.requests("/connect/token").get(1).first("refresh_token")).isEqualTo(newRefreshToken);
    }

    @Catalogue("G02")
    @Test
    void keepsTheRefreshTokenWhenTheProviderSendsNoNewOne() {
        f.op.faults().rotateRefreshTokens(false);
        String refreshToken = stored().tokens().refreshToken().orElseThrow();
        f.clock.advance(LIFETIME);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        SignedInUser after = remember(stored());
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(after.tokens().refreshToken()).contains(refreshToken);
        assertThat(after.tokens().expiresAt()).isAfter(f.clock.instant());
    }

    @Catalogue("G07")
    @Test
    void oneHundredConcurrentRequestsOnAnExpiringSessionRefreshOnce() throws Exception {
        f.clock.advance(LIFETIME.minusSeconds(5));
        f.op.faults().tokenDelay(Duration.ofMillis(400)); // keep the refresh open while the others arrive
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return browser.get(f.url("/protected/item/" + id));
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).startsWith("user=alice;");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(f.op.isRefreshTokenActive(remember(stored()).tokens().refreshToken().orElseThrow())).isTrue();
        assertThat(f.app.sessionsWithUser()).isGreaterThanOrEqualTo(1);
    }

    @Catalogue("G03")
    @Test
    void invalidGrantSignsTheUserOutAndTheBrowserSignsInAgain() {
        f.op.faults().rejectRefreshTokens(true);
        f.clock.advance(LIFETIME.minusSeconds(10));
        String session = browser.sessionId(f.url("/")).orElseThrow();
        // refused, but the access token is still valid (another node may have stored newer tokens): kept
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.app.userInSession(session)).isPresent();
        f.clock.advance(MARGIN.plusSeconds(10)); // expired for the refresh margin: the refusal is final

        HttpResponse<String> r = browser.get(f.url("/protected/page"));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).toString()).startsWith(f.op.issuer() + "/connect/authorize?");
        assertThat(f.app.userInSession(session)).isEmpty();
        assertThat(logs.text()).contains("Refresh rejected (token_rejected)").contains("invalid_grant");
    }

    @Catalogue("G03")
    @Test
    void invalidGrantOnAnApiCallAnswers401Json() {
        f.op.faults().rejectRefreshTokens(true);
        f.clock.advance(LIFETIME.plus(MARGIN));
        HttpResponse<String> r = browser.get(f.url("/protected/data"), Map.of("Accept", "application/json"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(r.body()).contains("\"error\":\"sign_in_required\"");
        assertThat(f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow())).isEmpty();
    }

    @Catalogue({"G04", "G05", "G06"})
    @ParameterizedTest(name = "refreshed ID token with another {0}")
    @ValueSource(strings = {"sub", "iss", "aud", "azp"})
    void aRefreshedIdTokenForSomeoneElseSignsTheUserOut(String claim) {
        Consumer<JWTClaimsSet.Builder> tamper = switch (claim) {
            case "sub" -> b -> b.subject("mallory");
            case "iss" -> b -> b.issuer("https://evil.example");
            case "azp" -> b -> b.claim("azp", "another-app");
            default -> b -> b.audience(List.of(SignInFixture.CLIENT_ID, "another-app"));
        };
        f.op.faults().idTokenClaims(tamper);
        f.clock.advance(LIFETIME.minusSeconds(10));
        String session = browser.sessionId(f.url("/")).orElseThrow();

        HttpResponse<String> r = browser.get(f.url("/protected/page"));

        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).getPath()).isEqualTo("/connect/authorize");
        assertThat(f.app.userInSession(session)).isEmpty();
        assertThat(logs.text()).contains("invalid_id_token");
    }

    @Test
    void aRefreshedIdTokenRepeatingTheSignInsNonceIsAcceptedRefreshAfterRefresh() {
        String nonce = stored().claims().string("nonce").orElseThrow();
        f.op.setNonceInRefreshedIdToken(true);
        for (int round = 1; round <= 2; round++) {
            f.clock.advance(LIFETIME);
            HttpResponse<String> page = browser.get(f.url("/protected/page"));
            assertThat(page.statusCode()).as("round %s", round).isEqualTo(200);
            assertThat(page.body()).startsWith("user=alice;");
            SignedInUser after = remember(stored());
            assertThat(after.claims().string("nonce")).contains(nonce);
        }
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
        assertThat(f.op.revocations()).isZero();
    }

    @Test
    void aRefreshedIdTokenWithAnotherNonceSignsTheUserOutAndTheRotatedRefreshTokenIsRevoked() {
        String oldRefreshToken = stored().tokens().refreshToken().orElseThrow();
        f.op.faults().idTokenClaims(b -> b.claim("nonce", "a-nonce-of-another-sign-in"));
        f.clock.advance(LIFETIME);
        String session = browser.sessionId(f.url("/")).orElseThrow();

        HttpResponse<String> r = browser.get(f.url("/protected/page"));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).getPath()).isEqualTo("/connect/authorize");
        assertThat(f.app.userInSession(session)).isEmpty();
        assertThat(logs.text()).contains("invalid_id_token").contains("nonce other than the sign-in's");
        assertThat(f.op.revocations()).isEqualTo(1);
        String revoked = f.op.requests("/connect/revocation").get(0).first("token");
        seenTokens.add(revoked);
        assertThat(revoked).isNotEqualTo(oldRefreshToken);
        assertThat(f.op.isRefreshTokenActive(revoked)).as("the rotated refresh token is revoked").isFalse();
        assertThat(f.op.isRefreshTokenActive(oldRefreshToken)).isFalse();
    }

    @Test
    void aRefusedRefreshedIdTokenWithoutRotationRevokesTheOldRefreshToken() {
        f.op.faults().rotateRefreshTokens(false).idTokenClaims(b -> b.subject("mallory"));
        String refreshToken = stored().tokens().refreshToken().orElseThrow();
        f.clock.advance(LIFETIME);

        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(302);

        assertThat(f.op.requests("/connect/revocation")).singleElement()
                .satisfies(rq -> assertThat(rq.first("token")).isEqualTo(refreshToken));
        assertThat(f.op.isRefreshTokenActive(refreshToken)).isFalse();
    }

    @Catalogue("G08")
    @Test
    void providerOutageAfterExpiryAnswers503AndKeepsTheTokensWhole() {
        SignedInUser before = stored();
        f.op.faults().tokenStatus(503);
        f.clock.advance(LIFETIME.plusSeconds(1));

        HttpResponse<String> page = browser.get(f.url("/protected/page"));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("refresh_unavailable").contains("try again").doesNotContain("Exception");
        HttpResponse<String> xhr = browser.get(f.url("/protected/data"), Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(xhr.statusCode()).isEqualTo(503);
        assertThat(xhr.body()).contains("\"error\":\"refresh_unavailable\"");
        SignedInUser during = stored();
        assertThat(during.tokens().accessToken()).isEqualTo(before.tokens().accessToken());
        assertThat(during.tokens().refreshToken()).isEqualTo(before.tokens().refreshToken());
        assertThat(f.op.tokenCalls("refresh_token")).as("one attempt, then the cool-down").isEqualTo(1);

        f.op.faults().reset();
        assertThat(browser.get(f.url("/protected/page")).statusCode()).as("still cooling down").isEqualTo(503);
        f.clock.advance(ProviderBounds.FAILURE_COOL_DOWN);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(remember(stored()).tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
    }

    @Catalogue("G08")
    @Test
    void providerOutageInTheMarginKeepsUsingTheStillValidToken() {
        SignedInUser before = stored();
        f.op.faults().tokenStatus(500);
        f.clock.advance(LIFETIME.minusSeconds(30));
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(stored().tokens().accessToken()).isEqualTo(before.tokens().accessToken());
        assertThat(logs.text()).contains("Refreshing the tokens of subject alice failed");
    }

    @Catalogue("G08")
    @Test
    void tokenEndpointTimeoutAfterExpiryAnswers503() {
        f.op.faults().tokenDelay(Duration.ofSeconds(5)); // the fixture's read timeout is 3 s
        f.clock.advance(LIFETIME);
        HttpResponse<String> r = browser.get(f.url("/protected/page"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(stored().tokens().refreshToken()).isPresent();
    }

    @Test
    void anExpiredTokenOnAPublicPageDuringAnOutageServesThePageAnonymously() {
        f.op.faults().tokenStatus(503);
        f.clock.advance(LIFETIME.plusSeconds(1));
        HttpResponse<String> r = browser.get(f.url("/public/info"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("user=none");
        assertThat(stored().tokens().refreshToken()).isPresent();
    }

    private SignedInUser stored() {
        String id = browser.sessionId(f.url("/")).orElseThrow(() -> new AssertionError("no session"));
        return f.app.userInSession(id).orElseThrow(() -> new AssertionError("no user in the session"));
    }

    private SignedInUser remember(SignedInUser user) {
        seenTokens.add(user.tokens().accessToken());
        user.tokens().refreshToken().ifPresent(seenTokens::add);
        user.tokens().idToken().ifPresent(seenTokens::add);
        return user;
    }
}
