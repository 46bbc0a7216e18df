package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.IdTokenSigning;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue section A: the ID token, forged or broken claim by claim and signature by signature, at the
 * filter on a real Jetty. The application and the provider share a clock set three days ahead of the
 * real one, so every time check must use the application's clock, not the machine's.
 */
class IdTokenAttacksTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().afterStart(f -> {
        f.clock.set(Instant.now().plus(Duration.ofDays(3)));
        f.op.setClock(f.clock);
    }));
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @Test
    @Catalogue("A01")
    void aValidCodeFlowSignsInWithAnRs256IdTokenAndAProperAuthorizationRequest() {
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/home"));
        SignedInUser user = assertSignedIn(f, browser, browser.follow(callback), "/app/protected/home");
        assertThat(user.claims().subject()).isEqualTo("alice");

        RecordedRequest authorize = f.op.requests(ProviderPaths.AUTHORIZE).get(0);
        assertThat(authorize.first("response_type")).isEqualTo("code");
        assertThat(authorize.first("scope").split(" ")).contains("openid");
        assertThat(authorize.first("state")).isNotBlank();
        assertThat(authorize.first("nonce")).isNotBlank();
        assertThat(authorize.first("code_challenge_method")).isEqualTo("S256");
        assertThat(f.op.tokenCalls()).isEqualTo(1);
        // the ID token holds the principal and groups claims: with ims.userinfo=auto, userinfo is not called
        assertThat(f.op.userInfoCalls()).isZero();
        assertThat(browser.follow(browser.history().get(browser.history().size() - 1)).body())
                .startsWith("user=alice;");
    }

    /** Claim tampering that must fail verification, by catalogue case. */
    static Stream<Arguments> forgedClaims() {
        SignInFixture f = SIGN_IN.fixture();
        Instant now = f.clock.instant();
        return Stream.of(
                row("A02", "iss is another issuer", "iss is not", (b, n) -> b.issuer("https://evil.example")),
                row("A02", "iss differs by a trailing slash", "iss is not", (b, n) -> b.issuer(f.op.issuer() + "/")),
                row("A04", "aud is another client", "aud does not name", (b, n) -> b.audience("another-app")),
                row("A05", "aud is missing", "aud does not name", (b, n) -> b.audience((String) null)),
                row("A06", "aud has an untrusted second audience and no azp", "does not trust",
                        (b, n) -> b.audience(List.of("portal", "another-app")).claim("azp", null)),
                row("A06", "aud has a second audience and azp names it", "does not trust",
                        (b, n) -> b.audience(List.of("portal", "another-app")).claim("azp", "another-app")),
                row("A06", "aud has an untrusted second audience, azp is us", "does not trust",
                        (b, n) -> b.audience(List.of("portal", "another-app")).claim("azp", "portal")),
                row("A06", "azp names another client", "azp names another", (b, n) -> b.claim("azp", "another-app")),
                row("A07", "sub is missing", "no sub", (b, n) -> b.subject(null)),
                row("A08", "iat is missing", "no iat", (b, n) -> b.issueTime(null)),
                row("A09", "exp is 5 minutes past (skew 60 s)", "expired", (b, n) -> b.expirationTime(date(n.minusSeconds(300)))),
                row("A11", "exp is missing", "no exp", (b, n) -> b.expirationTime(null)),
                row("A12", "iat is an hour ahead", "issued in the future", (b, n) -> b.issueTime(date(n.plusSeconds(3600)))),
                row("A12", "nbf is an hour ahead", "not valid yet", (b, n) -> b.notBeforeTime(date(n.plusSeconds(3600)))),
                row("A13", "nonce is another value", "nonce is not the one", (b, n) -> b.claim("nonce", "someone-elses-nonce")),
                row("A14", "nonce is missing", "no nonce", (b, n) -> b.claim("nonce", null)),
                row("A30", "at_hash does not match the access token", "at_hash does not match", (b, n) -> b.claim("at_hash", "AAAAAAAAAAAAAAAAAAAAAA")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forgedClaims")
    @Catalogue({"A02", "A04", "A05", "A06", "A07", "A08", "A09", "A11", "A12", "A13", "A14", "A30"})
    void rejectsAnIdTokenWithForgedOrMissingClaims(String id, String what, String why,
                                                   BiConsumer<JWTClaimsSet.Builder, Instant> forge) {
        f.op.faults().idTokenClaims(b -> forge.accept(b, f.clock.instant()));
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 401, "invalid_id_token");
        assertThat(r.body()).as("rejected for the reason under test").contains(why);
        assertThat(f.op.tokenCalls()).as("the code is redeemed once, never retried").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IdTokenSigning.class, names = {"ALG_NONE", "BAD_SIGNATURE", "FLIPPED_SIGNATURE_BYTE",
            "ES256_UNPUBLISHED_KEY", "HS256_WITH_GUESSED_SECRET", "HS256_WITH_PUBLIC_KEY", "HS256_WITH_PUBLIC_JWK",
            "RS512", "PS256"})
    @Catalogue({"A16", "A17", "A18", "A19", "A20"})
    void rejectsAnIdTokenWhoseSignatureOrAlgorithmIsNotTheProvidersRs256(IdTokenSigning signing) {
        f.op.faults().idTokenSigning(signing);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 401, "invalid_id_token");
        assertThat(r.body()).contains("not signed by a key of the provider");
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue("A10")
    void acceptsAnIdTokenThatExpiredWithinTheClockSkew() {
        f.op.faults().idTokenClaims(b -> b.expirationTime(date(f.clock.instant().minusSeconds(30)))
                .issueTime(date(f.clock.instant().minusSeconds(90))));
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/x"))), "/app/protected/x");
    }

    @Test
    @Catalogue("A15")
    void rejectsAnIdTokenCarryingTheNonceOfAnotherBrowsersSignIn() {
        BrowserlessClient other = new BrowserlessClient();
        HttpResponse<String> othersCallback = other.startSignIn(f.url("/protected/other"));
        String othersNonce = lastAuthorize().first("nonce");

        f.op.faults().idTokenClaims(b -> b.claim("nonce", othersNonce));
        assertRejected(f, browser, browser.follow(browser.startSignIn(f.url("/protected/mine"))), 401, "invalid_id_token");

        f.op.faults().reset();
        HttpResponse<String> done = other.follow(othersCallback);
        assertThat(done.statusCode()).as("the other browser's own sign-in is untouched").isEqualTo(302);
        assertThat(BrowserlessClient.location(done).getPath()).isEqualTo("/app/protected/other");
    }

    @Test
    @Catalogue("A29")
    void rejectsATokenResponseWithoutAnIdToken() {
        f.op.faults().omitIdToken(true);
        assertRejected(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), 401, "invalid_id_token");
    }

    @Test
    @Catalogue({"A09", "A12"})
    void judgesTimeByTheApplicationsClockNotTheMachines() {
        // Signed with real time (three days behind the app): to the app the token expired long ago.
        f.op.setClock(java.time.Clock.systemUTC());
        try {
            HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
            assertRejected(f, browser, r, 401, "invalid_id_token");
            assertThat(r.body()).contains("expired");
        } finally {
            f.op.setClock(f.clock);
        }
    }

    private RecordedRequest lastAuthorize() {
        List<RecordedRequest> all = f.op.requests(ProviderPaths.AUTHORIZE);
        return all.get(all.size() - 1);
    }

    private static Arguments row(String id, String what, String why, BiConsumer<JWTClaimsSet.Builder, Instant> forge) {
        return Arguments.of(id, what, why, forge);
    }

    private static Date date(Instant i) {
        return Date.from(i);
    }

}
