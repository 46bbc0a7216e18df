package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.RawHttp;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue section E: where the browser lands after sign-in. The app is deployed at the root context,
 * so a request target such as {@code //evil.com} is a real possibility. Two ways in: an application's
 * sign-in link with an explicit return target ({@code /public/login?return=…}, through the same
 * {@code SignInFlow} the filter and the Jakarta Security mechanism share), and the URL of the
 * protected request itself (the filter). Each sign-in is walked to the end; the final redirect must
 * stay on the app's origin as a browser would read it, with no header split.
 */
class ReturnUrlAttacksTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().contextPath(""));
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            E01 | https://evil.com
            E01 | http://evil.com/path?x=1
            E01 | HTTPS://EVIL.COM
            E02 | //evil.com
            E02 | ///evil.com
            E02 | ////evil.com
            E02 | //evil.com/%2e%2e
            E03 | /\\evil.com
            E03 | \\/evil.com
            E03 | /\\/evil.com
            E03 | \\\\evil.com
            E04 | https:evil.com
            E04 | http:/evil.com
            E05 | javascript:alert(1)
            E05 | JaVaScRiPt:alert(1)
            E05 | data:text/html,<script>alert(1)</script>
            E05 | vbscript:msgbox(1)
            E06 | %2F%2Fevil.com
            E06 | %5Cevil.com
            E06 | /%09/evil.com
            E06 | /%2F/evil.com
            E06 | /%5C/evil.com
            E06 | %252F%252Fevil.com
            E06 | /%252F/evil.com
            E07 | /@evil.com
            E07 | https://app.example@evil.com
            E07 | @evil.com
            E09 | "/x\r\nSet-Cookie: a=b"
            E09 | "/x\r\nLocation: https://evil.com"
            E09 | /x%0d%0aSet-Cookie:%20a=b
            E09 | /x%0D%0ALocation:%20https://evil.com
            """)
    @Catalogue({"E01", "E02", "E03", "E04", "E05", "E06", "E07", "E09"})
    void anOffOriginOrAmbiguousReturnTargetFallsBackToTheLandingPage(String id, String target) {
        String decoded = target.replace("\\r", "\r").replace("\\n", "\n").replace("\\\\", "\\");
        HttpResponse<String> done = signInVia("/public/login?return=" + enc(decoded));
        assertLandsOn(done, "/");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            E10 | /app/page?x=1#frag
            E10 | /deep/path/?q=%2F%2Fevil.com&r=1
            E10 | /search?q=a%20b&lang=en
            E10 | /a/@b/c.html
            """)
    @Catalogue("E10")
    void aSameOriginPathIsKeptExactly(String id, String target) {
        HttpResponse<String> done = signInVia("/public/login?return=" + enc(target));
        assertLandsOn(done, target);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            E02 | //evil.com
            E02 | ///evil.com/
            E03 | /\\evil.com
            E06 | /%2F%2Fevil.com
            E06 | /%5Cevil.com
            E06 | /%09/evil.com
            E09 | /x%0d%0aSet-Cookie:%20a=b
            """)
    @Catalogue({"E02", "E03", "E06", "E09"})
    void aHostileRequestTargetNeverBecomesAnOffOriginReturn(String id, String target) {
        RawHttp.Response first = RawHttp.get(f.app.port(), target, "127.0.0.1:" + f.app.port());
        assertThat(first.headerLines()).noneMatch(l -> l.toLowerCase().startsWith("set-cookie: a="));
        if (first.status() != 302) {
            assertThat(first.status()).as("the container refused it").isBetween(400, 499);
            return;
        }
        String location = first.header("Location").orElseThrow();
        assertThat(location).startsWith(f.op.issuer());
        String session = first.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        browser.setCookie(f.url("/"), "JSESSIONID", session, "/");
        HttpResponse<String> done = browser.follow(browser.get(location));
        assertThat(done.statusCode()).isEqualTo(302);
        String back = done.headers().firstValue("Location").orElseThrow();
        assertThat(BrowserUrls.staysOn(f.app.origin(), back)).as(back).isTrue();
    }

    @Test
    @Catalogue("E11")
    void aReturnParameterAddedToTheCallbackIsIgnored() {
        HttpResponse<String> toCallback = browser.startSignIn(f.url("/protected/mine?a=1"));
        URI callback = BrowserlessClient.location(toCallback);
        HttpResponse<String> done = browser.get(callback + "&return=" + enc("https://evil.com")
                + "&redirect_uri=" + enc("https://evil.com") + "&returnUrl=" + enc("//evil.com"));
        assertLandsOn(done, "/protected/mine?a=1");
    }

    private HttpResponse<String> signInVia(String pathAndQuery) {
        HttpResponse<String> toProvider = browser.get(f.url(pathAndQuery));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        return browser.follow(browser.follow(toProvider));
    }

    private void assertLandsOn(HttpResponse<String> done, String expectedPath) {
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().allValues("Location")).hasSize(1);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("\r").doesNotContain("\n");
        assertThat(done.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("a"));
        assertThat(done.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("a="));
        assertThat(BrowserUrls.staysOn(f.app.origin(), location)).as(location).isTrue();
        String path = location.startsWith(f.app.origin()) ? location.substring(f.app.origin().length()) : location;
        assertThat(path).isEqualTo(expectedPath);
        Optional<String> id = browser.sessionId(f.url("/"));
        assertThat(id.flatMap(f.app::userInSession)).as("signed in").isPresent();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
