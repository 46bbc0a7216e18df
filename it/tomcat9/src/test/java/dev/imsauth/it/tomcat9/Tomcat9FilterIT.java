package dev.imsauth.it.tomcat9;

import static dev.imsauth.it.tomcat9.Tomcat9Portal.ALICE;
import static dev.imsauth.it.tomcat9.Tomcat9Portal.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.IssuedAccessToken;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The filter route of the javax artifact on Tomcat 9 (Servlet 4.0), browserless: sign-in back to the URL
 * asked for, roles, refresh, 401 JSON for scripts, sign-out, and a client-credentials token from inside the
 * WAR, all against the test OpenID provider. Users are picked with login_hint.
 */
@ExtendWith(ArquillianExtension.class)
class Tomcat9FilterIT {

    /** Up before the WAR deploys, so that the filter discovers it at start. */
    private static final TestOpenIdProvider OP = Tomcat9Portal.startProvider();
    private static final FakeITwinApi ITWIN = Tomcat9Portal.startITwinApi(OP);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Tomcat9Portal.war();
    }

    @AfterAll
    static void stopProvider() {
        ITWIN.close();
        OP.close();
    }

    @BeforeEach
    void registerThePortal() {
        Tomcat9Portal.register(OP, base);
        OP.setAccessTokenLifetime(Duration.ofHours(1));
    }

    @Test
    void theWarCarriesTheJavaxJarAndNotTheJakartaOne() {
        assertThat(Arrays.stream(Tomcat9Portal.javaxLibraries()).map(File::getName))
                .anyMatch(name -> name.matches("ims-auth-.*-javax\\.jar"))
                .noneMatch(name -> name.matches("ims-auth-[^-]*-SNAPSHOT\\.jar|ims-auth-[0-9.]+\\.jar"))
                .anyMatch(name -> name.startsWith("oauth2-oidc-sdk-"));
    }

    @Test
    void signInGoesThroughTheProviderAndBackToTheRequestedUrlWithItsQuery() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(url("protected/page?report=q3&format=wide"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(toProvider).toString())
                .startsWith(OP.issuer() + ProviderPaths.AUTHORIZE + "?")
                .contains("code_challenge_method=S256", "client_id=" + Tomcat9Portal.CLIENT_ID);
        String sessionBefore = browser.sessionId(url("")).orElseThrow();

        HttpResponse<String> toCallback = browser.follow(toProvider);
        HttpResponse<String> back = browser.follow(toCallback);

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(BrowserlessClient.location(back).toString()).isEqualTo(url("protected/page?report=q3&format=wide"));
        assertThat(browser.sessionId(url(""))).isPresent().get().isNotEqualTo(sessionBefore);
        String page = browser.follow(back).body();
        assertThat(page).contains("<p id=\"user\">alice</p>", "<p id=\"admin\">false</p>",
                "<p id=\"url\">" + URI.create(url("protected/page")).getPath() + "?report=q3&amp;format=wide</p>");
        RecordedRequest token = OP.requests(ProviderPaths.TOKEN).get(0);
        assertThat(token.form()).containsKey("code_verifier");
    }

    @Test
    void isUserInRoleSeesTheRolesClaim() {
        assertThat(signedIn(BOB).get(url("protected/page")).body())
                .contains("<p id=\"user\">bob</p>", "<p id=\"admin\">true</p>");
        assertThat(signedIn(ALICE).get(url("protected/page")).body())
                .contains("<p id=\"user\">alice</p>", "<p id=\"admin\">false</p>");
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheServletGetsIt() throws InterruptedException {
        // the shortest lifetime the library accepts (ProviderBounds); for so short a token the refresh margin is
        // half its lifetime, so it is refreshed once 15 s have passed (the container's clock cannot be moved)
        OP.setAccessTokenLifetime(Duration.ofSeconds(30));
        BrowserlessClient browser = signedIn(ALICE);
        OP.clearRequests();

        String first = Tomcat9Portal.token(browser.get(url("protected/tokens")).body());
        Thread.sleep(Duration.ofSeconds(16).toMillis());
        String second = Tomcat9Portal.token(browser.get(url("protected/tokens")).body());

        assertThat(second).isNotEqualTo(first);
        assertThat(OP.introspect(second)).map(IssuedAccessToken::user).map(TestUser::subject).hasValue("alice");
        assertThat(OP.requests(ProviderPaths.TOKEN)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.first("grant_type")).isEqualTo("refresh_token"));
    }

    @Test
    void aScriptsCallWithoutASessionGets401JsonInsteadOfARedirect() {
        HttpResponse<String> response = new BrowserlessClient().get(url("protected/tokens"),
                Map.of("Accept", "application/json", "X-Requested-With", "XMLHttpRequest"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"sign_in_required\"");
        assertThat(OP.authorizeCalls()).isZero();
    }

    @Test
    void signOutRevokesEndsTheProviderSessionAndForgetsTheUser() {
        BrowserlessClient browser = signedIn(ALICE);
        URI portal = URI.create(url(""));

        HttpResponse<String> logout = browser.post(url("logout"), "",
                Map.of("Origin", portal.getScheme() + "://" + portal.getAuthority()));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(logout).toString())
                .startsWith(OP.issuer() + ProviderPaths.END_SESSION + "?").contains("id_token_hint=");
        assertThat(OP.revocations()).as("not before end-session").isZero();
        assertThat(browser.follow(browser.follow(logout)).body()).contains("You are signed out");
        assertThat(OP.revocations()).isEqualTo(1);
        HttpResponse<String> again = browser.get(url("protected/page"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(again).toString()).startsWith(OP.issuer());
    }

    @Test
    void aServletGetsAServiceTokenWithClientCredentials() {
        String report = signedIn(ALICE).get(url("protected/service-token")).body();

        assertThat(report).startsWith("service=" + Tomcat9Portal.CLIENT_ID + "@apps.imsoidc.bentley.com token=");
        IssuedAccessToken issued = OP.introspect(Tomcat9Portal.token(report)).orElseThrow();
        assertThat(issued.service()).isTrue();
        assertThat(issued.clientId()).isEqualTo(Tomcat9Portal.CLIENT_ID);
        assertThat(OP.tokenCalls("client_credentials")).isEqualTo(1);
    }

    @Test
    void theITwinClientCallsTheApiWithTheUsersTokenOrTheAppsOwn() {
        BrowserlessClient browser = signedIn(ALICE);

        assertThat(browser.get(url("protected/itwin?as=user")).body()).isEqualTo("email=alice@example.com");
        assertThat(browser.get(url("protected/itwin")).body())
                .isEqualTo("email=" + Tomcat9Portal.CLIENT_ID + "@apps.imsoidc.bentley.com");
        assertThat(ITWIN.calls()).hasSize(2).allSatisfy(call -> {
            assertThat(call.path()).isEqualTo("/users/me");
            assertThat(call.header("Accept")).isEqualTo(ITwinClient.ACCEPT);
        });
    }

    private BrowserlessClient signedIn(TestUser user) {
        return Tomcat9Portal.signedIn(base, user);
    }

    private String url(String relative) {
        return Tomcat9Portal.url(base, relative);
    }
}
