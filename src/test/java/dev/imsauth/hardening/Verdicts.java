package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The catalogue's two verdicts as assertions. REJECT: the status, a friendly page naming the reason,
 * never cached, no referrer, no stack trace, no user in the session, the pending sign-in gone. ACCEPT:
 * a 302 to the stored return URL, never cached, the user and their tokens in a new session.
 */
final class Verdicts {
    private Verdicts() {
    }

    /** The callback (or other) response rejected the sign-in; nothing was stored. */
    static void assertRejected(SignInFixture f, BrowserlessClient browser, HttpResponse<String> r, int status,
                               String reason) {
        assertThat(r.statusCode()).as("status; body: %s", r.body()).isEqualTo(status);
        assertThat(r.body()).contains(reason).doesNotContain("Exception").doesNotContain("at dev.imsauth")
                .doesNotContain("at java.").doesNotContain("com.nimbusds");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Location")).isEmpty();
        Optional<String> id = browser.sessionId(f.url("/"));
        id.ifPresent(s -> assertThat(f.app.userInSession(s)).as("user stored after a rejected sign-in").isEmpty());
        stateOf(r.uri()).ifPresent(state -> id.ifPresent(s ->
                assertThat(f.app.pendingStates(s)).as("pending sign-in left behind").doesNotContain(state)));
    }

    /** The callback accepted the sign-in: 302 to {@code expectedReturn}, the user stored in a rotated session. */
    static SignedInUser assertSignedIn(SignInFixture f, BrowserlessClient browser, HttpResponse<String> r,
                                       String expectedReturn) {
        assertThat(r.statusCode()).as("status; body: %s", r.body()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).toString()).isEqualTo(f.app.origin() + expectedReturn);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        String id = browser.sessionId(f.url("/")).orElseThrow();
        SignedInUser user = f.app.userInSession(id).orElseThrow(() -> new AssertionError("no user stored"));
        assertThat(user.tokens().accessToken()).isNotBlank();
        assertThat(user.tokens().idToken()).isPresent();
        stateOf(r.uri()).ifPresent(state -> assertThat(f.app.pendingStates(id)).doesNotContain(state));
        return user;
    }

    /** The state parameter of a callback URL. */
    static Optional<String> stateOf(URI callback) {
        return param(callback, "state");
    }

    /** A query parameter of a URL, decoded. */
    static Optional<String> param(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
