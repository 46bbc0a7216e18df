package dev.imsauth.conformance;

import dev.imsauth.testsupport.BrowserSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.Cookie;

/** Plain HTTP calls to the application, as a script would make them, optionally with a browser's session cookie. */
final class AppHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private AppHttp() {
    }

    /** The browser's session id (its JSESSIONID cookie) for the page it shows. */
    static String sessionId(BrowserSession browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        if (cookie == null) {
            throw new IllegalStateException("The browser holds no JSESSIONID cookie for " + browser.currentUri());
        }
        return cookie.getValue();
    }

    /** GET {@code uri} as {@code fetch()} would (no HTML accepted), in the session {@code sessionId} unless null. */
    static HttpResponse<String> get(URI uri, String sessionId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code key=value} lines of {@code /api/me}. */
    static Map<String, String> facts(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }

    /** The query parameters of {@code uri}, decoded. */
    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
