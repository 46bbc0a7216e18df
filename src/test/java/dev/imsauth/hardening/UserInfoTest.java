package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.UserInfoMode;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import dev.imsauth.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue B01-B04: a provider that keeps the user's claims out of the ID token and serves them from
 * userinfo (OIDC Core §5.4), with {@code ims.userinfo=auto}: userinfo is called once per sign-in and once per
 * refresh, its sub must be the ID token's, and a sign-in whose userinfo cannot be used stores nothing.
 */
class UserInfoTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final TestUser ADMIN = new TestUser("ada", "Ada Admin", "ada@example.com", List.of("admin"), Map.of());
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder()
            .provider(op -> op.setClaimsOnlyFromUserInfo(true).setDefaultUser(ADMIN))
            .afterStart(f -> f.op.setClock(f.clock).setAccessTokenLifetime(LIFETIME)));
    private final SignInFixture f = SIGN_IN.fixture();
    private final List<String> seenTokens = new ArrayList<>();
    private BrowserlessClient browser = new BrowserlessClient();
    private LogCapture logs;

    @BeforeEach
    void fresh() {
        f.clock.set(Instant.now());
        logs = LogCapture.start();
    }

    @AfterEach
    void noSecretInTheLogs() {
        LogHygiene.assertNoSecrets(logs, f.op, seenTokens);
        logs.close();
    }

    @Catalogue("B02")
    @Test
    void claimsMissingFromTheIdTokenComeFromUserinfoCalledOnceWithABearerHeader() {
        SignedInUser user = assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/home"))),
                "/app/protected/home");
        remember(user);

        assertThat(user.claims().strings("roles")).containsExactly("admin");
        assertThat(user.claims().email()).contains("ada@example.com");
        assertThat(user.claims().name()).isEqualTo("Ada Admin");
        RecordedRequest call = f.op.requests(ProviderPaths.USERINFO).get(0);
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + user.tokens().accessToken());
        assertThat(call.has("access_token")).as("never in the query or the body").isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get(f.url("/protected/page")).body()).startsWith("user=ada;").contains("admin=true");
        }
        assertThat(f.op.userInfoCalls()).as("once per sign-in, never per request").isEqualTo(1);
    }

    @Catalogue("B02")
    @Test
    void aRefreshCallsUserinfoOnceMore() {
        browser.follow(browser.signIn(f.url("/protected/home")));
        f.clock.advance(LIFETIME);
        assertThat(browser.get(f.url("/protected/page")).body()).startsWith("user=ada;").contains("admin=true");
        assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(f.op.userInfoCalls()).isEqualTo(2);
        SignedInUser user = remember(stored());
        assertThat(user.claims().strings("roles")).containsExactly("admin");
        assertThat(f.op.requests(ProviderPaths.USERINFO).get(1).header("Authorization"))
                .isEqualTo("Bearer " + user.tokens().accessToken());
    }

    @Catalogue("B01")
    @Test
    void userinfoAboutAnotherSubjectRefusesTheSignIn() {
        f.op.faults().userInfoSubject("mallory");
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/home")));
        assertRejected(f, browser, r, 401, "userinfo_mismatch");
        assertThat(f.op.revocations()).as("the refresh token just issued is revoked").isEqualTo(1);
    }

    @Catalogue("B01")
    @Test
    void userinfoAboutAnotherSubjectAfterARefreshSignsTheUserOut() {
        browser.follow(browser.signIn(f.url("/protected/home")));
        String session = browser.sessionId(f.url("/")).orElseThrow();
        remember(stored());
        f.op.faults().userInfoSubject("mallory");
        f.clock.advance(LIFETIME);

        HttpResponse<String> r = browser.get(f.url("/protected/page"));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).getPath()).isEqualTo(ProviderPaths.AUTHORIZE);
        assertThat(f.app.userInSession(session)).isEmpty();
        assertThat(logs.text()).contains("userinfo_mismatch");
        assertThat(f.op.revocations()).isEqualTo(1);
    }

    @Catalogue("B03")
    @ParameterizedTest(name = "userinfo HTTP {0}")
    @ValueSource(ints = {401, 403, 500, 503})
    void anUserinfoErrorRefusesTheSignInWithNothingStored(int status) {
        f.op.faults().userInfoStatus(status);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/home")));
        assertRejected(f, browser, r, 502, "userinfo_failed");
        assertThat(r.body()).contains("HTTP " + status);
    }

    @Catalogue("B03")
    @Test
    void aNonJsonOrOversizedUserinfoAnswerRefusesTheSignIn() {
        f.op.faults().respond(ProviderPaths.USERINFO, 200, "text/html", "<html>login</html>");
        assertRejected(f, browser, browser.follow(browser.startSignIn(f.url("/protected/a"))), 502, "userinfo_failed");

        browser = new BrowserlessClient();
        f.op.faults().reset().hugeBody(ProviderPaths.USERINFO, 10_000_000);
        assertRejected(f, browser, browser.follow(browser.startSignIn(f.url("/protected/b"))), 502, "provider_fault");
    }

    @Catalogue("B03")
    @Test
    void anUnusableUserinfoAfterARefreshKeepsTheClaimsFromBefore() {
        browser.follow(browser.signIn(f.url("/protected/home")));
        f.op.faults().userInfoStatus(500);
        f.clock.advance(LIFETIME);
        assertThat(browser.get(f.url("/protected/page")).body()).startsWith("user=ada;").contains("admin=true");
        SignedInUser user = remember(stored());
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(user.tokens().expiresAt()).isAfter(f.clock.instant());
        assertThat(user.claims().strings("roles")).containsExactly("admin");
    }

    @Catalogue("B04")
    @Test
    void aSignedJwtUserinfoAnswerIsRefusedAsItWasNotAskedFor() {
        f.op.faults().respond(ProviderPaths.USERINFO, 200, "application/jwt",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEiLCJyb2xlcyI6WyJhZG1pbiJdfQ.");
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/home")));
        assertRejected(f, browser, r, 502, "userinfo_failed");
        assertThat(r.body()).contains("application/jwt");
    }

    @Test
    void theIdTokensClaimsWinOverUserinfos() {
        try (SignInFixture g = SignInFixture.builder().config(b -> b.userInfo(UserInfoMode.ALWAYS)).start()) {
            g.op.faults().idTokenClaims(b -> b.claim("name", "Name From The ID Token"));
            BrowserlessClient b = new BrowserlessClient();
            b.follow(b.signIn(g.url("/protected/")));
            SignedInUser user = g.app.userInSession(b.sessionId(g.url("/")).orElseThrow()).orElseThrow();
            assertThat(g.op.userInfoCalls()).isEqualTo(1);
            assertThat(user.claims().name()).isEqualTo("Name From The ID Token");
        }
    }

    @Test
    void withUserinfoNeverTheClaimsAreTheIdTokensAlone() {
        try (SignInFixture g = SignInFixture.builder().provider(op -> op.setClaimsOnlyFromUserInfo(true))
                .config(b -> b.userInfo(UserInfoMode.NEVER)).start()) {
            BrowserlessClient b = new BrowserlessClient();
            assertThat(b.follow(b.signIn(g.url("/protected/"))).body()).contains("admin=false");
            assertThat(g.op.userInfoCalls()).isZero();
        }
    }

    private SignedInUser stored() {
        return f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
    }

    private SignedInUser remember(SignedInUser user) {
        seenTokens.add(user.tokens().accessToken());
        user.tokens().refreshToken().ifPresent(seenTokens::add);
        user.tokens().idToken().ifPresent(seenTokens::add);
        return user;
    }
}
