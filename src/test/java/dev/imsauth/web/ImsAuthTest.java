package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ITwinUser;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.SignInFixture;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application code behind the filter using {@link ImsAuth}: reading the tokens (refreshed when about to
 * expire), asking for more scopes, and calling the iTwin API as the signed-in user through a fake
 * api.bentley.com.
 */
class ImsAuthTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static SignInFixture f;
    private static FakeITwinApi api;
    private static ITwinClient itwin;
    private BrowserlessClient browser;
    private LogCapture logs;
    private final List<String> seenTokens = new ArrayList<>();

    @BeforeAll
    static void start() {
        api = FakeITwinApi.start(0, token -> f.op.introspect(token));
        f = SignInFixture.create(null, b -> b.apiBaseUrl(api.baseUrl()), op -> op.setAccessTokenLifetime(LIFETIME),
                Map.of("/protected/token-info", new TokenInfoServlet(),
                        "/protected/needs-extra", new NeedsExtraScopeServlet(),
                        "/protected/me", new MeServlet()));
        itwin = ITwinClient.forUsers(f.config.api());
    }

    @AfterAll
    static void stop() {
        f.close();
        api.close();
    }

    @BeforeEach
    void signIn() {
        f.op.faults().reset();
        f.clock.set(Instant.now());
        api.reset();
        logs = LogCapture.start();
        browser = new BrowserlessClient();
        assertThat(browser.follow(browser.signIn(f.url("/protected/start"))).statusCode()).isEqualTo(200);
        remember(stored());
        f.op.clearRequests();
    }

    @AfterEach
    void noSecretInTheLogs() {
        remember(stored());
        LogHygiene.assertNoSecrets(logs, f.op, seenTokens);
        logs.close();
    }

    @Test
    void readingTheTokensLateInALongRequestRefreshesThem() {
        TokenSet before = stored().tokens();

        // the filter sees a fresh token; the servlet then "works" for 9.5 minutes and reads the tokens
        HttpResponse<String> r = browser.get(f.url("/protected/token-info?advance=570"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        TokenSet after = stored().tokens();
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(r.body()).isEqualTo("expiresAt=" + after.expiresAt());
    }

    @Test
    void requireScopesSendsTheBrowserThroughTheProviderAndBackToThePage() {
        HttpResponse<String> toProvider = browser.get(f.url("/protected/needs-extra?item=7"));

        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = BrowserlessClient.location(toProvider);
        assertThat(authorize.getPath()).isEqualTo("/connect/authorize");
        HttpResponse<String> toCallback = browser.follow(toProvider);
        String scope = f.op.requests("/connect/authorize").get(0).first("scope");
        assertThat(scope.split(" ")).contains("openid", "offline_access", "itwin-platform", "extra:read");
        HttpResponse<String> back = browser.follow(toCallback);
        assertThat(BrowserlessClient.location(back).toString()).isEqualTo(f.url("/protected/needs-extra?item=7"));
        HttpResponse<String> page = browser.follow(back);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("granted;").contains("extra:read");
        assertThat(stored().claims().subject()).isEqualTo("alice");

        assertThat(browser.get(f.url("/protected/needs-extra")).statusCode()).isEqualTo(200);
        assertThat(f.op.authorizeCalls()).isEqualTo(1);
    }

    @Test
    void anApiCallWithoutTheScopeGets403InsufficientScope() {
        HttpResponse<String> r = browser.get(f.url("/protected/needs-extra"), Map.of("Accept", "application/json"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("scope=\"extra:read\"");
        assertThat(r.body()).contains("\"error\":\"insufficient_scope\"");
        assertThat(f.op.authorizeCalls()).isZero();
    }

    @Test
    void aDeclinedScopeEndsIn403InsteadOfAnEndlessRoundTrip() {
        f.op.faults().withholdScopes("extra:read");
        HttpResponse<String> back = browser.follow(browser.follow(browser.get(f.url("/protected/needs-extra"))));
        HttpResponse<String> page = browser.follow(back);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("insufficient_scope").contains("extra:read");
        assertThat(f.op.authorizeCalls()).isEqualTo(1);
    }

    @Test
    void usersMeAsTheSignedInUserSendsTheirBearerTokenAndTheItwinMediaType() {
        HttpResponse<String> r = browser.get(f.url("/protected/me"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("displayName=alice@example.com;givenName=Alice;surname=Example;"
                + "organization=Example Organization");
        FakeITwinApi.Call call = api.calls("/users/me").get(0);
        assertThat(call.header("Authorization")).isEqualTo(stored().tokens().authorizationHeader());
        assertThat(call.header("Accept")).isEqualTo("application/vnd.bentley.itwin-platform.v1+json");
    }

    @Test
    void aRejectedUserTokenIsRefreshedOnceAndTheCallRepeated() {
        String first = stored().tokens().accessToken();
        api.enqueue("GET", "/users/me", 401, Map.of(), FakeITwinApi.error("InvalidToken", "Token expired."));

        HttpResponse<String> r = browser.get(f.url("/protected/me"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        List<FakeITwinApi.Call> calls = api.calls("/users/me");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).bearer()).isEqualTo(first);
        assertThat(calls.get(1).bearer()).isEqualTo(stored().tokens().accessToken()).isNotEqualTo(first);
    }

    private SignedInUser stored() {
        return f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
    }

    private void remember(SignedInUser user) {
        seenTokens.add(user.tokens().accessToken());
        user.tokens().refreshToken().ifPresent(seenTokens::add);
        user.tokens().idToken().ifPresent(seenTokens::add);
    }

    /** Optionally lets time pass ({@code ?advance=seconds}), then reads the tokens as application code would. */
    static final class TokenInfoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String advance = req.getParameter("advance");
            if (advance != null) {
                f.clock.advance(Duration.ofSeconds(Long.parseLong(advance)));
            }
            resp.getWriter().print("expiresAt=" + ImsAuth.from(req).tokens().expiresAt());
        }
    }

    static final class NeedsExtraScopeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ImsAuth auth = ImsAuth.from(req);
            if (!auth.requireScopes(resp, "extra:read")) {
                return;
            }
            resp.getWriter().print("granted;" + String.join(" ", auth.tokens().scopes()));
        }
    }

    static final class MeServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ITwinUser me = itwin.withTokens(ImsAuth.from(req).tokenSource()).me();
            resp.getWriter().print("displayName=" + me.displayName() + ";givenName=" + me.givenName() + ";surname="
                    + me.surname() + ";organization=" + me.organizationName());
        }
    }
}
