package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.web.ReturnUrls;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SecretLedger;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the callback and of return targets, 10 000 generated inputs per property,
 * against the filter on a real Jetty (root context) and the strict test provider. For every input:
 * never a 5xx, never a redirect off the app's origin (as a browser reads a Location), never a header
 * split, never a user or tokens stored. Inputs mix arbitrary Unicode with the pieces attacks are made
 * of (slashes, backslashes, encodings, CR LF, schemes); a quarter of the callbacks carry the live
 * state of a real pending sign-in, so they reach the token endpoint.
 */
class CallbackFuzzTest {
    private static final int TRIES = 10_000;
    private static final Set<String> EXPECTED_HEADERS = Set.of("cache-control", "pragma", "referrer-policy",
            "content-type", "content-length", "www-authenticate", "date", "location", "set-cookie", "expires",
            "connection", "transfer-encoding", "server", "content-language");
    private static final List<String> PIECES = List.of("/", "//", "\\", "/\\", "%2F", "%2f", "%5C", "%252F", "%25",
            "evil.com", "@", ":", "http:", "https://", "javascript:", "data:", "\t", "\r\n", "%0d%0a", "%0A", "%09",
            "%00", "?", "#", ".", "..", "a", "%", "%%", "%2", " ", "\u0000", "\u2028", "\uFF0F", "é", "<script>",
            "\"", "'", "&", "=", "+", ";", "Set-Cookie: x=1", "\r\nLocation: https://evil.com");
    private static SignInFixture f;
    private static BrowserlessClient callbackBrowser;
    private static BrowserlessClient returnBrowser;
    private static final AtomicInteger callbacks = new AtomicInteger();
    private static final AtomicInteger returns = new AtomicInteger();
    private static final AtomicInteger completed = new AtomicInteger();

    @BeforeContainer
    static void start() {
        SecretLedger.startScope();
        f = SignInFixture.builder().contextPath("").start();
        callbackBrowser = new BrowserlessClient();
        returnBrowser = new BrowserlessClient();
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(f.app.sessionsWithUser()).as("only the return-target sign-ins walked to the end")
                    .isEqualTo(completed.get());
            System.out.println("fuzz: " + callbacks.get() + " callbacks, " + returns.get() + " return targets ("
                    + completed.get() + " walked to the end), " + f.op.tokenCalls() + " token calls");
            assertThat(SecretLedger.leaks()).as("log hygiene during fuzzing").isEmpty();
        } finally {
            f.close();
        }
    }

    /** One fuzzed callback: its parameters, in order, possibly repeated or empty. */
    record Callback(boolean liveState, List<String[]> params) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(liveState ? "live state + " : "");
            params.forEach(p -> s.append(p[0]).append('=').append(p[1].replace("\r", "\\r").replace("\n", "\\n")).append(' '));
            return s.toString();
        }
    }

    @Property(tries = TRIES)
    @Catalogue({"C01", "C02", "C09", "C11", "C14"})
    void noCallbackEverFailsOpen(@ForAll("callbacks") Callback input) {
        callbacks.incrementAndGet();
        List<String[]> params = new ArrayList<>(input.params());
        BrowserlessClient browser = callbackBrowser;
        if (input.liveState()) {
            HttpResponse<String> challenge = browser.get(f.url("/protected/fuzz"));
            String state = Verdicts.param(BrowserlessClient.location(challenge), "state").orElseThrow();
            params.add(0, new String[] {"state", state});
        }
        StringBuilder query = new StringBuilder();
        for (String[] p : params) {
            query.append(query.length() == 0 ? "?" : "&").append(enc(p[0])).append('=').append(enc(p[1]));
        }
        HttpResponse<String> r = browser.get(f.app.redirectUri() + query);
        assertThat(r.statusCode()).as("status for %s", input).isLessThan(500);
        assertNoSplitHeaders(r);
        if (r.statusCode() == 302) {
            assertThat(BrowserUrls.staysOn(f.app.origin(), r.headers().firstValue("Location").orElseThrow())).isTrue();
        }
        for (String[] p : params) {
            if (p[1].contains("<") && p[1].length() > 1) {
                assertThat(r.body()).as("reflected unescaped").doesNotContain(p[1]);
            }
        }
        browser.sessionId(f.url("/")).ifPresent(id -> assertThat(f.app.userInSession(id)).isEmpty());
    }

    @Property(tries = TRIES)
    @Catalogue({"E01", "E02", "E03", "E04", "E05", "E06", "E07", "E09", "E10"})
    void noReturnTargetEverLeavesTheOrigin(@ForAll("returnTargets") String target) {
        int n = returns.incrementAndGet();
        BrowserlessClient browser = returnBrowser;
        HttpResponse<String> toProvider = browser.get(f.url("/public/login?return=" + enc(target)));
        assertThat(toProvider.statusCode()).as("status for %s", target).isEqualTo(302);
        assertNoSplitHeaders(toProvider);
        URI authorize = BrowserlessClient.location(toProvider);
        assertThat(authorize.toString()).startsWith(f.op.issuer() + "/");
        String state = Verdicts.param(authorize, "state").orElseThrow();
        String id = browser.sessionId(f.url("/")).orElseThrow();
        String stored = f.app.pendingReturnUrl(id, state).orElseThrow();
        assertSameOriginPath(stored);
        assertThat(stored.chars()).as("a Location-ready ASCII target: %s", stored).allMatch(c -> c > 0x20 && c < 0x7f);
        // what the application receives: a URL carries UTF-8, so an unpaired surrogate in the generated
        // target arrives as '?' (URLEncoder's replacement) — compare with that, not with the raw string
        String received = URLDecoder.decode(enc(target), StandardCharsets.UTF_8);
        if (ReturnUrls.isSafe(received)) {
            assertThat(stored).isEqualTo(asciiOnly(received));
        } else {
            assertThat(stored).isEqualTo("/");
        }
        if (n % 200 == 0) {
            HttpResponse<String> done = browser.follow(browser.follow(toProvider));
            assertThat(done.statusCode()).isEqualTo(302);
            assertNoSplitHeaders(done);
            assertThat(done.headers().firstValue("Location")).contains(stored);
            completed.incrementAndGet();
            browser.clearCookies();
        }
    }

    @Property(tries = TRIES)
    @Catalogue("E06")
    void whateverReturnUrlsAcceptsStaysOnTheOriginAtEveryDecodingLayer(@ForAll("returnTargets") String target) {
        if (ReturnUrls.isSafe(target)) {
            assertSameOriginPath(target);
        }
    }

    /** A path a browser keeps on this origin, and so does any server that decodes it once or twice more. */
    private static void assertSameOriginPath(String path) {
        String layer = path;
        for (int i = 0; i < 3; i++) {
            assertThat(BrowserUrls.staysOn("http://app.example", layer)).as("layer %d of %s", i, path).isTrue();
            assertThat(layer).as("controls in layer %d of %s", i, path).doesNotContain("\r", "\n", "\t", "\u0000");
            try {
                layer = URLDecoder.decode(layer.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return;
            }
        }
    }

    /** The target with every non-ASCII character percent-encoded as UTF-8 (how a browser sends a path). */
    private static String asciiOnly(String target) {
        StringBuilder out = new StringBuilder();
        target.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xFF));
                }
            }
        });
        return out.toString();
    }

    private static void assertNoSplitHeaders(HttpResponse<String> r) {
        for (var h : r.headers().map().entrySet()) {
            assertThat(EXPECTED_HEADERS).as("unexpected header %s", h.getKey()).contains(h.getKey().toLowerCase(Locale.ROOT));
            for (String v : h.getValue()) {
                assertThat(v).doesNotContain("\r").doesNotContain("\n");
            }
        }
        for (String cookie : r.headers().allValues("Set-Cookie")) {
            assertThat(cookie).startsWith("JSESSIONID=");
        }
    }

    @Provide
    Arbitrary<Callback> callbacks() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("state", "code", "error", "error_description", "iss")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("return", "redirect_uri", "session_state", "STATE", "code[]")),
                net.jqwik.api.Tuple.of(1, values()));
        Arbitrary<String[]> param = Combinators.combine(name, values()).as((n, v) -> new String[] {n, v});
        return Combinators.combine(Arbitraries.integers().between(0, 3).map(i -> i == 0), param.list().ofMaxSize(6))
                .as(Callback::new);
    }

    @Provide
    Arbitrary<String> returnTargets() {
        return Arbitraries.oneOf(
                Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(7).map(l -> String.join("", l)),
                Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6).map(l -> "/" + String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("/\\%:@.?#abcdefghijklmnopqrstuvwxyz0123456789 \t\r\n").ofMaxLength(30));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.strings().alpha().numeric().withChars('-', '_').ofLength(43),
                Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l)),
                Arbitraries.of("", " ", "   ", "\r\nSet-Cookie: injected=1", "<script>alert(1)</script>",
                        "x".repeat(4097), "access_denied", "server_error", "https://evil.example",
                        "http://127.0.0.1", "null"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
