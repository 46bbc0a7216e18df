package dev.imsauth.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser without a screen: keeps cookies, never follows redirects on its own, so a test can walk a
 * sign-in hop by hop and look at each response like a user agent (or an attacker) would.
 */
public final class BrowserlessClient {
    /** One connection pool for every browser (creating an HttpClient costs ~20 ms); cookies stay per browser. */
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final List<HttpResponse<String>> history = new ArrayList<>();

    /** A browser-like GET (Accept: text/html). */
    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml").GET());
    }

    /** A GET with extra headers (e.g. an XHR). */
    public HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** A form POST. */
    public HttpResponse<String> post(String url, String form, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(b::header);
        return send(b);
    }

    /** Follows one redirect of a response. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        return get(location(redirect).toString());
    }

    /** The resolved {@code Location} of a redirect. */
    public static URI location(HttpResponse<String> redirect) {
        String loc = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in HTTP " + redirect.statusCode() + ": " + redirect.body()));
        return redirect.uri().resolve(loc);
    }

    /**
     * Opens a protected URL and walks the sign-in: app → provider → callback. Returns the callback's
     * response (a redirect to the original page when all went well).
     */
    public HttpResponse<String> signIn(String protectedUrl) {
        HttpResponse<String> toProvider = get(protectedUrl);
        expectRedirect(toProvider);
        HttpResponse<String> toCallback = follow(toProvider);
        expectRedirect(toCallback);
        return follow(toCallback);
    }

    /** Like {@link #signIn(String)}, as the provider's user {@code loginHint} (sent as login_hint). */
    public HttpResponse<String> signInAs(String protectedUrl, String loginHint) {
        HttpResponse<String> toProvider = get(protectedUrl);
        expectRedirect(toProvider);
        HttpResponse<String> toCallback = get(location(toProvider) + "&login_hint="
                + java.net.URLEncoder.encode(loginHint, java.nio.charset.StandardCharsets.UTF_8));
        expectRedirect(toCallback);
        return follow(toCallback);
    }

    /** Walks app → provider and returns the provider's redirect to the callback, without following it. */
    public HttpResponse<String> startSignIn(String protectedUrl) {
        HttpResponse<String> toProvider = get(protectedUrl);
        expectRedirect(toProvider);
        HttpResponse<String> toCallback = follow(toProvider);
        expectRedirect(toCallback);
        return toCallback;
    }

    /** The value of a cookie this client holds for a URL. */
    public Optional<String> cookie(String url, String name) {
        return cookies.getCookieStore().get(URI.create(url)).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** The session id cookie for the app. */
    public Optional<String> sessionId(String url) {
        return cookie(url, "JSESSIONID");
    }

    /** Drops all cookies (a fresh browser). */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Every response this client received, in order. */
    public List<HttpResponse<String>> history() {
        return List.copyOf(history);
    }

    private synchronized void record(HttpResponse<String> r) {
        history.add(r);
        if (!SecretLedger.isProvider(r.uri().toString())) {
            Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
            // the front channel to the provider carries what the protocol puts there (id_token_hint at logout)
            headers.computeIfPresent("location", (k, v) -> v.stream()
                    .map(l -> isToProvider(r.uri(), l) ? "<to the provider>" : l).toList());
            SecretLedger.evidence("HTTP " + r.statusCode() + " from " + r.uri().getRawPath(), headers + "\n" + r.body());
        }
    }

    private static boolean isToProvider(URI base, String location) {
        try {
            return SecretLedger.isProvider(base.resolve(location).toString());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** Plants a cookie as if the server (or an attacker with a sibling subdomain) had set it. */
    public void setCookie(String url, String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url), cookie);
    }

    /** Forgets one cookie (e.g. a browser that dropped the session cookie). */
    public void removeCookie(String url, String name) {
        cookies.getCookieStore().get(URI.create(url)).stream().filter(c -> c.getName().equals(name))
                .toList().forEach(c -> cookies.getCookieStore().remove(URI.create(url), c));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.timeout(Duration.ofSeconds(30)).build();
            Map<String, List<String>> cookieHeaders = cookies.get(request.uri(), Map.of());
            HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
            cookieHeaders.forEach((name, values) -> values.forEach(v -> withCookies.header(name, v)));
            HttpResponse<String> r = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            cookies.put(r.uri(), r.headers().map());
            record(r);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectRedirect(HttpResponse<String> r) {
        if (r.statusCode() != 302 && r.statusCode() != 303) {
            throw new AssertionError("expected a redirect from " + r.uri() + " but got HTTP " + r.statusCode() + ": " + r.body());
        }
    }
}
