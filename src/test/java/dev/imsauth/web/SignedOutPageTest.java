package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in signed-out page with the default settings and nothing public: it is where a sign-out lands, it
 * never signs anyone in by itself (the provider here would sign the user straight back in), it speaks the
 * browser's language, and its "Sign in" link starts a sign-in.
 */
class SignedOutPageTest {
    private static SignInFixture f;
    private BrowserlessClient browser;

    @BeforeAll
    static void start() {
        f = SignInFixture.with(b -> b.publicPaths(List.of()));
        f.op.registerPostLogoutRedirectUri(SignInFixture.CLIENT_ID, f.url("/signed-out"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void signIn() {
        browser = new BrowserlessClient();
        browser.follow(browser.signIn(f.url("/protected/start")));
        f.op.clearRequests();
    }

    @Test
    void signingOutLandsOnTheSignedOutPageAndDoesNotSignInAgain() {
        HttpResponse<String> out = browser.post(f.url("/logout"), "", Map.of("Sec-Fetch-Site", "same-origin"));
        URI endSession = BrowserlessClient.location(out);
        assertThat(endSession.getRawQuery()).contains("post_logout_redirect_uri="
                + java.net.URLEncoder.encode(f.url("/signed-out"), java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> landing = browser.follow(browser.follow(out));

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().getPath()).isEqualTo("/app/signed-out");
        assertThat(landing.body()).contains("<h1 id=\"signed-out\">You are signed out</h1>")
                .contains("<a id=\"sign-in\" href=\"/app/signed-out?sign-in\">Sign in</a>");
        assertThat(landing.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(landing.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(f.op.authorizeCalls()).as("no new sign-in without a click").isZero();
        assertThat(browser.get(f.url("/signed-out")).statusCode()).as("and again on reload").isEqualTo(200);
        assertThat(f.op.authorizeCalls()).isZero();
    }

    @Test
    void itsSignInLinkStartsASignInThatReturnsToTheApplication() {
        browser.post(f.url("/logout"), "", Map.of("Sec-Fetch-Site", "same-origin"));

        HttpResponse<String> toProvider = browser.get(f.url("/signed-out?sign-in"));

        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(toProvider).getPath()).isEqualTo("/connect/authorize");
        HttpResponse<String> back = browser.follow(browser.follow(toProvider));
        assertThat(BrowserlessClient.location(back).getPath()).isEqualTo("/app/");
    }

    @Test
    void itSpeaksTheBrowsersLanguageAndFallsBackToEnglish() {
        BrowserlessClient stranger = new BrowserlessClient();
        String german = stranger.get(f.url("/signed-out"), Map.of("Accept-Language", "de-CH, en;q=0.5")).body();
        String other = stranger.get(f.url("/signed-out"), Map.of("Accept-Language", "ja")).body();

        assertThat(german).contains("<html lang=\"de\"", "Sie sind abgemeldet", ">Anmelden</a>");
        assertThat(other).contains("<html lang=\"en\"", "You are signed out");
    }

    @Test
    void itOnlyShows() {
        HttpResponse<String> post = browser.post(f.url("/signed-out"), "", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(browser.get(f.url("/protected/page")).statusCode()).as("still signed in").isEqualTo(200);
    }
}
