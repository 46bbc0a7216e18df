package dev.imsauth.it.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browserless sign-in against the test OpenID provider on 127.0.0.1, as every container must pass it,
 * whichever route (mechanism or filter) signs in. A subclass deploys {@link SignInArchive} with sign-in
 * switched on, keeps the provider in a static field (started before the deployment, so that the
 * application discovers it at start) and closes it after the class.
 *
 * <p>Users: {@code alice} (role user) and {@code bob} (roles admin and user), chosen with login_hint. The
 * container knows them by {@code preferred_username} (their email), and the beans by subject.
 */
public abstract class SignInTests {

    protected static final TestUser ALICE = new TestUser("alice", "Alice Example", "alice@example.com",
            List.of("user"), Map.of());
    protected static final TestUser BOB = new TestUser("bob", "Bob Admin", "bob@example.com",
            List.of("admin", "user"), Map.of());
    private static final Pattern TOKEN = Pattern.compile(" token=(\\w+) ");

    @ArquillianResource
    protected URL base;

    /** The subclass's provider. */
    protected abstract TestOpenIdProvider op();

    /** Starts a provider for a test class, with alice and bob. */
    protected static TestOpenIdProvider startProvider() {
        return TestOpenIdProvider.start().addUser(ALICE).addUser(BOB).setDefaultUser(ALICE);
    }

    @BeforeEach
    void registerTheApplication() {
        op().registerClient(SignInArchive.CLIENT_ID, null, url("signin-oidc"));
        op().faults().reset();
        op().setAccessTokenLifetime(Duration.ofHours(1));
        op().clearRequests();
    }

    @Test
    void signInGoesThroughTheProviderAndBackToTheOriginalPage() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(url("protected/page?x=1&y=two"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = BrowserlessClient.location(toProvider);
        assertThat(authorize.toString()).startsWith(op().issuer() + ProviderPaths.AUTHORIZE + "?")
                .contains("code_challenge_method=S256", "state=", "nonce=", "client_id=" + SignInArchive.CLIENT_ID);
        String sessionBefore = browser.sessionId(url("")).orElseThrow();

        HttpResponse<String> toCallback = browser.follow(toProvider);
        assertThat(BrowserlessClient.location(toCallback).toString()).startsWith(url("signin-oidc?"));
        HttpResponse<String> back = browser.follow(toCallback);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(back).toString()).isEqualTo(url("protected/page?x=1&y=two"));
        assertThat(browser.sessionId(url(""))).isPresent().get().isNotEqualTo(sessionBefore);

        HttpResponse<String> page = browser.follow(back);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("page=" + path("protected/page?x=1&y=two")
                + " principal=alice@example.com admin=false");
        RecordedRequest token = op().requests(ProviderPaths.TOKEN).get(0);
        assertThat(token.form()).containsKey("code_verifier");
    }

    /**
     * The library's ServletContainerInitializer finds the filter (web.xml) or the mechanism definition
     * (a bean class, through {@code @HandlesTypes}) and hardens the session cookie of this WAR.
     */
    @Test
    void theSessionCookieOfAWarThatSignsInIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> toProvider = new BrowserlessClient().get(url("protected/page"));

        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(toProvider.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aServletGetsTheSignedInUsersTokenFromTheInjectedBean() {
        BrowserlessClient browser = signedIn(ALICE);

        String report = browser.get(url("tokens")).body();

        assertThat(report).startsWith("principal=alice@example.com signedIn=true subject=alice "
                        + "name=alice@example.com groups=[user] token=")
                .endsWith(" api=alice live=true");
    }

    @Test
    void aJaxRsResourceGetsTheSameTokenFromTheInjectedBean() {
        BrowserlessClient browser = signedIn(BOB);

        String fromServlet = browser.get(url("tokens")).body();
        String fromResource = api(browser, "rest/tokens").body();

        assertThat(fromResource).startsWith("principal=bob@example.com signedIn=true subject=bob ")
                .endsWith(" api=bob live=true");
        assertThat(token(fromResource)).isEqualTo(token(fromServlet));
    }

    @Test
    void theTokenBeanRefreshesATokenAboutToExpire() throws InterruptedException {
        // the shortest lifetime the library accepts (ProviderBounds); for so short a token the refresh margin is
        // half its lifetime, so it is refreshed once 15 s have passed (the container's clock cannot be moved)
        op().setAccessTokenLifetime(Duration.ofSeconds(30));
        BrowserlessClient browser = signedIn(ALICE);
        op().clearRequests();

        String first = browser.get(url("tokens")).body();
        Thread.sleep(Duration.ofSeconds(16).toMillis());
        String second = api(browser, "rest/tokens").body();

        assertThat(first).endsWith(" api=alice live=true");
        assertThat(second).endsWith(" api=alice live=true");
        assertThat(token(second)).isNotEqualTo(token(first));
        assertThat(op().requests(ProviderPaths.TOKEN)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.first("grant_type")).isEqualTo("refresh_token"));
    }

    @Test
    void rolesAllowedLetsAUserWithTheRoleClaimIn() {
        HttpResponse<String> response = api(signedIn(BOB), "rest/tokens/admin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("admin=bob");
    }

    @Test
    void rolesAllowedForbidsAUserWithoutTheRoleClaim() {
        assertThat(api(signedIn(ALICE), "rest/tokens/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void twoUsersSignedInInParallelNeverSeeEachOthersTokens() throws Exception {
        BrowserlessClient alice = signedIn(ALICE);
        BrowserlessClient bob = signedIn(BOB);
        String aliceToken = token(alice.get(url("tokens")).body());
        String bobToken = token(bob.get(url("tokens")).body());
        assertThat(aliceToken).isNotEqualTo(bobToken);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean servlet = i % 2 == 0;
                answers.add(pool.submit(() -> (servlet ? alice.get(url("tokens")) : api(alice, "rest/tokens")).body()));
                answers.add(pool.submit(() -> (servlet ? bob.get(url("tokens")) : api(bob, "rest/tokens")).body()));
            }
            for (int i = 0; i < answers.size(); i++) {
                String body = answers.get(i).get();
                boolean forAlice = i % 2 == 0;
                assertThat(body).as("request %d", i)
                        .contains(forAlice ? "subject=alice " : "subject=bob ")
                        .contains(" token=" + (forAlice ? aliceToken : bobToken) + " ")
                        .endsWith(forAlice ? " api=alice live=true" : " api=bob live=true");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutClearsTheTokens() {
        BrowserlessClient browser = signedIn(ALICE);

        HttpResponse<String> logout = browser.get(url("signout"));
        assertThat(logout.body()).isEqualTo("before=true after=false principal=null");

        assertThat(browser.get(url("public/tokens")).body()).startsWith("principal=null signedIn=false ");
        HttpResponse<String> again = browser.get(url("protected/page"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(again).toString()).startsWith(op().issuer());
    }

    @Test
    void theLogoutPathSignsOutAtTheProviderAndRevokesOnceTheBrowserIsBack() {
        BrowserlessClient browser = signedIn(ALICE);
        URI app = URI.create(url(""));
        op().registerPostLogoutRedirectUri(SignInArchive.CLIENT_ID, url("signed-out"));

        HttpResponse<String> logout = browser.post(url("logout"), "",
                Map.of("Origin", app.getScheme() + "://" + app.getAuthority()));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(logout).toString())
                .startsWith(op().issuer() + ProviderPaths.END_SESSION + "?").contains("id_token_hint=");
        assertThat(op().revocations()).as("not before end-session").isZero();
        HttpResponse<String> landing = browser.follow(browser.follow(logout));
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("You are signed out");
        assertThat(op().revocations()).isEqualTo(1);
        assertThat(browser.get(url("public/tokens")).body()).startsWith("principal=null signedIn=false ");
    }

    @Test
    void theBeansSayClearlyThatNobodyIsSignedIn() {
        HttpResponse<String> response = new BrowserlessClient().get(url("public/tokens"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("principal=null signedIn=false error=NotSignedInException: No user "
                + "is signed in on this request, so there is no access token; check isSignedIn() first, or protect "
                + "this URL so that only signed-in users reach it");
    }

    @Test
    void publicPagesStayOpenAndStillKnowTheSignedInUser() {
        assertThat(new BrowserlessClient().get(url("public/page")).body())
                .isEqualTo("page=" + path("public/page") + " principal=null admin=false");

        assertThat(signedIn(BOB).get(url("public/page")).body())
                .isEqualTo("page=" + path("public/page") + " principal=bob@example.com admin=true");
    }

    @Test
    void aScriptsCallToAProtectedPageGets401InsteadOfARedirect() {
        HttpResponse<String> response = new BrowserlessClient().get(url("protected/page"),
                Map.of("Accept", "application/json", "X-Requested-With", "XMLHttpRequest"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"sign_in_required\"");
        assertThat(op().authorizeCalls()).isZero();
    }

    @Test
    void aCallbackThatNoSignInStartedIsRejectedAndSignsNobodyIn() {
        BrowserlessClient browser = new BrowserlessClient();
        browser.get(url("protected/page"));

        HttpResponse<String> forged = browser.get(url("signin-oidc?code=forged&state=not-ours"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("state_mismatch");
        assertThat(browser.get(url("public/tokens")).body()).startsWith("principal=null signedIn=false ");
        assertThat(op().tokenCalls()).isZero();
    }

    /** A fresh browser, signed in as {@code user} (chosen at the provider with login_hint). */
    protected BrowserlessClient signedIn(TestUser user) {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(url("protected/page"));
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        HttpResponse<String> toCallback = browser.get(BrowserlessClient.location(toProvider)
                + "&login_hint=" + user.subject());
        HttpResponse<String> back = browser.follow(toCallback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        HttpResponse<String> page = browser.follow(back);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return browser;
    }

    /** A call from a page's script to the application's JAX-RS API. */
    protected HttpResponse<String> api(BrowserlessClient browser, String relative) {
        return browser.get(url(relative), Map.of("Accept", "text/plain", "X-Requested-With", "XMLHttpRequest"));
    }

    /** An absolute URL in the application. */
    protected String url(String relative) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root : root + "/") + relative;
    }

    /** The request URI of a path in the application, e.g. {@code /signin/protected/page}. */
    protected String path(String relative) {
        return URI.create(url(relative)).getRawPath() + (relative.contains("?") ? "?" + relative.split("\\?", 2)[1] : "");
    }

    private static String token(String report) {
        Matcher m = TOKEN.matcher(report);
        assertThat(m.find()).as(report).isTrue();
        return m.group(1);
    }
}
