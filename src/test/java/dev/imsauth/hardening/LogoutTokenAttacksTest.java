package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogoutTokens;
import dev.imsauth.testsupport.LogoutTokens.Signing;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import dev.imsauth.testsupport.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OIDC Back-Channel Logout 1.0 at {@code /backchannel-logout} behind the filter: the test plays the provider's
 * call with logout tokens signed by the test provider's key, and forgeries of them. A forged token gets 400 with
 * {@code Cache-Control: no-store} and ends nothing; a valid one gets 200 and the user's next request is signed
 * out. Ids L01–L15 are this library's own back-channel catalogue (docs/security.md).
 */
class LogoutTokenAttacksTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().afterStart(f -> f.op
            .addUser(TestUser.alice()).addUser(new TestUser("bob", "Bob", "bob@example.com", List.of(), Map.of()))));
    private final SignInFixture f = SIGN_IN.fixture();
    private final LogoutTokens tokens = f.op.logoutTokens(SignInFixture.CLIENT_ID);
    private BrowserlessClient alice;

    @BeforeEach
    void signIn() {
        f.clock.set(java.time.Instant.now());
        alice = signedIn("alice");
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forged("L01", "another key's signature under the provider's kid", c -> c, Signing.BAD_SIGNATURE, true),
                forged("L01", "a key whose kid is not in the JWKS", c -> c, Signing.UNKNOWN_KID, true),
                forged("L02", "alg none", c -> c, Signing.ALG_NONE, true),
                forged("L02", "HS256 with the provider's public key", c -> c, Signing.HS256_WITH_PUBLIC_KEY, true),
                forged("L03", "typ JWT (an ID token's type)", c -> c, Signing.RS256, false),
                forged("L04", "another issuer", c -> c.issuer("https://evil.example"), Signing.RS256, true),
                forged("L05", "another audience", c -> c.audience("someone-else"), Signing.RS256, true),
                forged("L06", "iat an hour ago", c -> c.issueTime(ago(Duration.ofHours(1))), Signing.RS256, true),
                forged("L06", "iat an hour ahead", c -> c.issueTime(ago(Duration.ofHours(-1))), Signing.RS256, true),
                forged("L06", "no iat", c -> c.issueTime(null), Signing.RS256, true),
                forged("L07", "no events", c -> c.claim("events", null), Signing.RS256, true),
                forged("L07", "another event", c -> c.claim("events", Map.of("http://schemas.openid.net/event/other",
                        Map.of())), Signing.RS256, true),
                forged("L07", "the event as a string", c -> c.claim("events", Map.of(LogoutTokens.EVENT, "yes")),
                        Signing.RS256, true),
                forged("L08", "neither sid nor sub", c -> c.subject(null).claim("sid", null), Signing.RS256, true),
                forged("L09", "a nonce", c -> c.claim("nonce", "n-0S6_WzA2Mj"), Signing.RS256, true),
                forged("L10", "no jti", c -> c.jwtID(null), Signing.RS256, true),
                forged("L11", "a sid of 300 characters", c -> c.claim("sid", "s".repeat(300)), Signing.RS256, true));
    }

    private static Arguments forged(String id, String name, Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> change,
                                    Signing signing, boolean logoutType) {
        return Arguments.of(id + ": " + name, change, signing, logoutType);
    }

    @Catalogue({"L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10", "L11", "L15"})
    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedLogoutTokenIsRefusedAndEndsNothing(String name, Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> change,
                                                   Signing signing, boolean logoutType) {
        JWTClaimsSet.Builder claims = change.apply(tokens.claims("alice", f.op.sessionId("alice").orElseThrow()));
        String token = tokens.sign(claims, signing, logoutType ? LogoutTokens.LOGOUT_JWT : JOSEObjectType.JWT);

        HttpResponse<String> r = backChannel(token);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.body()).contains("\"error\":\"invalid_request\"");
        assertThat(stillSignedIn(alice)).as("nothing ended").isTrue();
    }

    @Catalogue({"L12", "L15"})
    @Test
    void aValidLogoutTokenEndsTheSessionOfItsSid() {
        String session = alice.sessionId(f.url("/")).orElseThrow();
        BrowserlessClient bob = signedIn("bob");

        HttpResponse<String> r = backChannel(tokens.valid("alice", f.op.sessionId("alice").orElseThrow()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(stillSignedIn(alice)).as("alice's next request is signed out").isFalse();
        assertThat(f.app.session(session)).as("her session is ended").isEmpty();
        assertThat(stillSignedIn(bob)).as("bob is not touched").isTrue();
    }

    @Catalogue("L13")
    @Test
    void aLogoutTokenWithOnlySubEndsEverySessionOfThatUser() {
        BrowserlessClient aliceElsewhere = signedIn("alice");
        BrowserlessClient bob = signedIn("bob");

        assertThat(backChannel(tokens.valid("alice", null)).statusCode()).isEqualTo(200);

        assertThat(stillSignedIn(alice)).isFalse();
        assertThat(stillSignedIn(aliceElsewhere)).isFalse();
        assertThat(stillSignedIn(bob)).isTrue();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(stillSignedIn(signedIn("alice"))).as("a sign-in after the logout stays").isTrue();
    }

    @Catalogue("L10")
    @Test
    void aReplayedLogoutTokenIsRefused() {
        String token = tokens.valid("alice", f.op.sessionId("alice").orElseThrow());
        assertThat(backChannel(token).statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofSeconds(1));
        BrowserlessClient again = signedIn("alice");

        HttpResponse<String> replay = backChannel(token);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");
        assertThat(stillSignedIn(again)).as("the replay ends nothing").isTrue();
    }

    @Catalogue({"L11", "L15"})
    @Test
    void anOversizedNonFormOrNonPostRequestIsRefused() {
        BrowserlessClient provider = new BrowserlessClient();
        HttpResponse<String> big = answerThroughResets(() -> provider.post(f.url("/backchannel-logout"),
                "logout_token=" + "a".repeat(20_000), Map.of()));
        HttpResponse<String> json = provider.post(f.url("/backchannel-logout"), "{\"logout_token\":\"x\"}",
                Map.of("Content-Type", "application/json"));
        HttpResponse<String> twice = provider.post(f.url("/backchannel-logout"), "logout_token=a&logout_token=b", Map.of());
        HttpResponse<String> get = provider.get(f.url("/backchannel-logout"));

        assertThat(List.of(big.statusCode(), json.statusCode(), twice.statusCode(), get.statusCode()))
                .containsExactly(400, 400, 400, 405);
        assertThat(Stream.of(big, json, twice, get).map(r -> r.headers().firstValue("Cache-Control").orElse("")))
                .allMatch(v -> v.contains("no-store"));
        assertThat(stillSignedIn(alice)).isTrue();
    }

    /**
     * The answer to a request the server refuses before reading its body: it answers and closes while the body may
     * still be arriving, and the connection's reset can then lose the answer before the client reads it (a TCP
     * matter, not the endpoint's). Such a transport failure is tried again, twice at most; any answer is returned.
     */
    private static HttpResponse<String> answerThroughResets(java.util.function.Supplier<HttpResponse<String>> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof java.io.IOException) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private HttpResponse<String> backChannel(String logoutToken) {
        return new BrowserlessClient().post(f.url("/backchannel-logout"),
                "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8), Map.of());
    }

    private BrowserlessClient signedIn(String user) {
        BrowserlessClient b = new BrowserlessClient();
        b.follow(b.signInAs(f.url("/protected/start"), user));
        assertThat(stillSignedIn(b)).as(user + " signed in").isTrue();
        return b;
    }

    private boolean stillSignedIn(BrowserlessClient b) {
        return b.get(f.url("/protected/page"), Map.of("Accept", "text/html")).statusCode() == 200;
    }

    private static Date ago(Duration d) {
        return Date.from(java.time.Instant.now().minus(d));
    }
}
