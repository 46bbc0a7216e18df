package dev.imsauth.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser without a screen, for many sign-ins at once: one shared HTTP client (connection pool) and a
 * fresh cookie jar per sign-in. Walks page → provider → callback → page by following each redirect
 * itself, and succeeds only when the page finally answers 200 to the signed-in user.
 */
final class SignInWalker {
    private static final int MAX_HOPS = 6;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    /** The outcome of one sign-in: the app's session cookie value and the page's body. */
    record SignedIn(String sessionCookie, String body, int hops) {
    }

    /** Signs in from scratch (no cookies) by opening {@code pageUrl}, which must end up showing {@code expectedBody}. */
    SignedIn signIn(String pageUrl, String expectedBody) {
        Map<String, Map<String, String>> jar = new HashMap<>();
        URI uri = URI.create(pageUrl);
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            HttpResponse<String> r = get(uri, jar);
            int status = r.statusCode();
            if (status == 302 || status == 303) {
                uri = uri.resolve(r.headers().firstValue("Location").orElseThrow(
                        () -> new IllegalStateException("redirect without Location from " + r.uri())));
                continue;
            }
            if (status != 200 || !r.body().equals(expectedBody)) {
                throw new IllegalStateException("sign-in ended with HTTP " + status + " at " + r.uri().getPath() + ": "
                        + r.body().substring(0, Math.min(120, r.body().length())));
            }
            String cookie = jar.getOrDefault(origin(URI.create(pageUrl)), Map.of()).get("JSESSIONID");
            return new SignedIn(cookie, r.body(), hop);
        }
        throw new IllegalStateException("sign-in did not finish within " + MAX_HOPS + " redirects");
    }

    /** Opens a page that creates a session (the bare variant has no sign-in) and returns its cookie. */
    String openSession(String url) {
        Map<String, Map<String, String>> jar = new HashMap<>();
        URI uri = URI.create(url);
        HttpResponse<String> r = get(uri, jar);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri.getPath() + " answered HTTP " + r.statusCode());
        }
        return jar.getOrDefault(origin(uri), Map.of()).get("JSESSIONID");
    }

    /** One GET with the jar's cookies, like a browser navigation. */
    HttpResponse<String> get(URI uri, Map<String, Map<String, String>> jar) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate");
        Map<String, String> cookies = jar.get(origin(uri));
        if (cookies != null && !cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", header.toString());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri.getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<String> setCookies = r.headers().allValues("Set-Cookie");
        for (String sc : setCookies) {
            String pair = sc.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                Map<String, String> forOrigin = jar.computeIfAbsent(origin(uri), o -> new HashMap<>());
                if (value.isEmpty() || sc.toLowerCase().contains("max-age=0")) {
                    forOrigin.remove(name);
                } else {
                    forOrigin.put(name, value);
                }
            }
        }
        return r;
    }

    private static String origin(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
