package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue D01, D02, D08: session fixation, the session cookie's flags, and what a serialized session
 * holds after sign-in (a confidential client here, so there is a secret that must not be in it).
 * D03-D07 (logout) wait for the lifecycle branch; see docs/security.md.
 */
class SessionAttacksTest {
    private static final String SECRET = "confidential-client-secret-for-the-session-tests";
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(SignInFixture.builder().secret(SECRET));
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @Test
    @Catalogue("D01")
    void aSessionIdPlantedBeforeSignInIsNeverTheAuthenticatedOne() {
        BrowserlessClient attacker = new BrowserlessClient();
        attacker.get(f.url("/protected/"));
        String planted = attacker.sessionId(f.url("/")).orElseThrow();

        browser.setCookie(f.url("/"), "JSESSIONID", planted, "/app");
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        assertThat(browser.sessionId(f.url("/"))).as("the planted session is used until sign-in").contains(planted);
        assertSignedIn(f, browser, browser.follow(callback), "/app/protected/");

        String after = browser.sessionId(f.url("/")).orElseThrow();
        assertThat(after).isNotEqualTo(planted);
        assertThat(f.app.userInSession(planted)).isEmpty();
        HttpResponse<String> asAttacker = attacker.get(f.url("/protected/"));
        assertThat(asAttacker.statusCode()).as("the attacker's id is not signed in").isEqualTo(302);
        assertThat(asAttacker.headers().firstValue("Location").orElseThrow()).startsWith(f.op.issuer());
    }

    @Test
    @Catalogue("D02")
    void theSessionCookieIsHttpOnlySameSiteLaxAndScopedToTheApp() {
        HttpResponse<String> challenge = browser.get(f.url("/protected/"));
        assertCookieFlags(challenge, false);
        HttpResponse<String> signedIn = browser.follow(browser.follow(challenge));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertCookieFlags(signedIn, false);
    }

    @Test
    @Catalogue("D02")
    void behindATlsProxyTheSessionCookieIsAlsoSecure() {
        try (SignInFixture proxied = SignInFixture.builder().honourForwardedHeaders().start()) {
            HttpResponse<String> r = browser.get(proxied.url("/protected/"),
                    Map.of("Accept", "text/html", "X-Forwarded-Proto", "https"));
            assertThat(r.statusCode()).isEqualTo(302);
            assertCookieFlags(r, true);
        }
    }

    @Test
    @Catalogue("D08")
    void aSignedInSessionSerializesWithoutVerifierCodeOrClientSecret() throws IOException {
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        String verifier = f.op.requests(ProviderPaths.TOKEN).get(0).first("code_verifier");
        String code = f.op.requests(ProviderPaths.TOKEN).get(0).first("code");
        String id = browser.sessionId(f.url("/")).orElseThrow();
        assertThat(f.app.attributeNames(id)).containsExactlyInAnyOrder("dev.imsauth.user", "dev.imsauth.signed-in-at");
        String serialized = serialize(f.app.session(id).orElseThrow());
        assertThat(serialized).doesNotContain(verifier).doesNotContain(code).doesNotContain(SECRET);
    }

    @Test
    @Catalogue("D08")
    void afterAFailedTokenCallTheSessionHoldsNoVerifierEither() throws IOException {
        browser.get(f.url("/protected/first"));
        f.op.faults().tokenStatus(500);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        String verifier = f.op.requests(ProviderPaths.TOKEN).get(0).first("code_verifier");
        String id = browser.sessionId(f.url("/")).orElseThrow();
        assertThat(f.app.pendingStates(id)).as("only the first, never-completed sign-in").hasSize(1);
        assertThat(serialize(f.app.session(id).orElseThrow())).doesNotContain(verifier).doesNotContain(SECRET);
    }

    private static void assertCookieFlags(HttpResponse<String> r, boolean secure) {
        List<String> cookies = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertThat(cookies).as("a session cookie is set").isNotEmpty();
        for (String cookie : cookies) {
            String c = cookie.toLowerCase(Locale.ROOT);
            assertThat(c).contains("; httponly").contains("; samesite=lax").contains("; path=/app");
            if (secure) {
                assertThat(c).contains("; secure");
            } else {
                assertThat(c).doesNotContain("; secure");
            }
        }
    }

    /** Every attribute as the container's session store would write it, decoded as text to search. */
    private static String serialize(HttpSession session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (String name : Collections.list(session.getAttributeNames())) {
                out.writeObject(name);
                out.writeObject(session.getAttribute(name));
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
