package dev.imsauth.client;

import dev.imsauth.config.ApiSettings;
import dev.imsauth.config.ServiceClientSettings;
import dev.imsauth.config.UrlRules;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Json;
import dev.imsauth.protocol.OwnedHttpClient;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.config.UrlRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A small client for the iTwin Platform REST APIs ({@code ims.api-base-url}, default
 * {@code https://api.bentley.com}) over {@link HttpClient}. Every call sends {@code Authorization: Bearer …}
 * from an {@link AccessTokenSource} — the signed-in user's ({@code ImsAuth.from(request).tokenSource()}) or a
 * {@link ServiceTokenProvider} — and {@code Accept: application/vnd.bentley.itwin-platform.v1+json}.
 *
 * <ul>
 * <li>401: the token source renews the token and the call is repeated once.</li>
 * <li>429 and 503: the call is repeated after {@code Retry-After} (or a short default) while the total wait
 *     stays within {@code ims.api-retry-budget}; beyond it an {@link ITwinApiException} carries the wait asked for.</li>
 * <li>Other errors: the API's {@code {"error":{"code":…,"message":…}}} becomes an {@link ITwinApiException}.</li>
 * </ul>
 * The token is only ever sent to the configured base URL: absolute URLs elsewhere are refused, and redirects
 * are not followed. Thread-safe; {@link #withTokens} makes a per-user view that shares the HTTP client.
 */
public final class ITwinClient implements AutoCloseable {
    /** The media type of version 1 of the iTwin Platform APIs. */
    public static final String ACCEPT = "application/vnd.bentley.itwin-platform.v1+json";
    private static final System.Logger LOG = System.getLogger(ITwinClient.class.getName());
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private final String baseUrl;
    private final HttpClient http;
    private final AccessTokenSource tokens;
    private final Duration timeout;
    private final Duration retryBudget;
    private final Clock clock;
    private final Sleeper sleeper;
    private OwnedHttpClient owned;

    /**
     * A client of {@code api.baseUrl()} sending {@code tokens}' tokens, with its own HTTP client (configured connect
     * timeout, no redirects) and the system clock; {@link #close()} releases that client's threads when the
     * application stops.
     */
    public ITwinClient(ApiSettings api, AccessTokenSource tokens) {
        this(api, tokens, OwnedHttpClient.create(api.connectTimeout(), HttpClient.Version.HTTP_2));
    }

    private ITwinClient(ApiSettings api, AccessTokenSource tokens, OwnedHttpClient owned) {
        this(api, tokens, owned.client(), Clock.systemUTC(), Sleeper.SYSTEM);
        this.owned = owned;
    }

    /**
     * A client of the service settings' API part sending {@code tokens}' tokens; see
     * {@link #forService(ServiceClientSettings)} for a service app's own token.
     */
    public ITwinClient(ServiceClientSettings settings, AccessTokenSource tokens) {
        this(settings.api(), tokens);
    }

    /**
     * A client for calls on behalf of signed-in users: create it once per application and give each request's
     * user with {@link #withTokens}, e.g. {@code itwin.withTokens(ImsAuth.from(request).tokenSource()).me()}.
     * Calling it without {@code withTokens} fails with an {@link IllegalStateException}.
     */
    public static ITwinClient forUsers(ApiSettings api) {
        return new ITwinClient(api, () -> {
            throw new IllegalStateException("This ITwinClient calls for signed-in users: use "
                    + "withTokens(ImsAuth.from(request).tokenSource()) per request");
        });
    }

    /** A service app's client: its own {@link ServiceTokenProvider} from the same settings supplies the token. */
    public static ITwinClient forService(ServiceClientSettings settings) {
        return new ITwinClient(settings, new ServiceTokenProvider(settings));
    }

    /** Over the HTTP client, clock and retry pause given (tests, or a shared HTTP client). */
    public ITwinClient(ApiSettings api, AccessTokenSource tokens, HttpClient http, Clock clock, Sleeper sleeper) {
        this(api.baseUrl().toString(), http, tokens, api.timeout(), api.retryBudget(), clock, sleeper);
    }

    private ITwinClient(String baseUrl, HttpClient http, AccessTokenSource tokens, Duration timeout,
                        Duration retryBudget, Clock clock, Sleeper sleeper) {
        this.baseUrl = UrlRules.withoutTrailingSlash(baseUrl);
        this.http = http;
        this.tokens = tokens;
        this.timeout = timeout;
        this.retryBudget = retryBudget;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Releases the threads of the HTTP client the two-argument constructor made (views from {@link #withTokens}
     * share it and stop working too); does nothing for a client handed in, or for a view.
     */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    /** The same client sending another token source's tokens (e.g. the current user's). */
    public ITwinClient withTokens(AccessTokenSource other) {
        return new ITwinClient(baseUrl, http, other, timeout, retryBudget, clock, sleeper);
    }

    /** {@code GET /users/me}: the profile of the user the token belongs to. */
    public ITwinUser me() {
        return ITwinUser.fromJson(get("/users/me"));
    }

    /** A GET of a path below the base URL (e.g. {@code /itwins?$top=10}) or of a link the API returned. */
    public Map<String, Object> get(String path) {
        return send("GET", path, null);
    }

    /** A POST of a JSON object. */
    public Map<String, Object> post(String path, Map<String, ?> body) {
        return send("POST", path, body);
    }

    /** Any method, with an optional JSON body; the answer's JSON object (empty for an empty body). */
    public Map<String, Object> send(String method, String path, Map<String, ?> body) {
        URI uri = resolve(path);
        String json = body == null ? null : Json.write(body);
        Instant deadline = clock.instant().plus(retryBudget);
        String token = tokens.accessToken();
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(method, uri, json, token);
            int status = response.statusCode();
            if (status == 401 && !renewed) {
                LOG.log(System.Logger.Level.DEBUG, "{0} {1} answered 401; retrying once with a renewed token",
                        method, uri.getPath());
                renewed = true;
                token = tokens.refreshedAccessToken(token);
                continue;
            }
            Duration wait = null;
            if (status == 429 || status == 503) {
                wait = ProviderBounds.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock)
                        .orElse(DEFAULT_WAIT.multipliedBy(attempt));
                if (attempt < MAX_ATTEMPTS && !clock.instant().plus(wait).isAfter(deadline)) {
                    LOG.log(System.Logger.Level.DEBUG, "{0} {1} answered {2}; retrying in {3}", method, uri.getPath(),
                            status, wait);
                    pause(wait);
                    continue;
                }
            }
            if (status >= 200 && status < 300) {
                return parse(response, method, uri);
            }
            throw error(response, method, uri, wait);
        }
    }

    private URI resolve(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an API path such as /users/me is required");
        }
        String url;
        if (path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            url = baseUrl + path;
        } else if (path.startsWith(baseUrl + "/") || path.startsWith(baseUrl + "?")) {
            url = path;
        } else {
            throw new IllegalArgumentException("Refusing to send the access token outside " + baseUrl
                    + "; pass a path such as /users/me");
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid API URL (encode spaces and special characters): " + path, e);
        }
    }

    private HttpResponse<String> exchange(String method, URI uri, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", ACCEPT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ITwinApiException(0, "Timeout", method + " " + uri.getPath() + " got no answer within " + timeout,
                    null, null);
        } catch (IOException e) {
            throw new ITwinApiException(0, "Unreachable", method + " " + uri.getPath() + " failed: the iTwin API at "
                    + uri.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ITwinApiException(0, "Interrupted", method + " " + uri.getPath() + " was interrupted", null, null);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ITwinApiException(0, "Interrupted", "Interrupted while waiting to retry an iTwin API call", null, null);
        }
    }

    private static Map<String, Object> parse(HttpResponse<String> response, String method, URI uri) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw new ITwinApiException(response.statusCode(), "InvalidResponse", method + " " + uri.getPath()
                    + " answered HTTP " + response.statusCode() + " with a body that is not a JSON object", null, null);
        }
    }

    private static ITwinApiException error(HttpResponse<String> response, String method, URI uri, Duration wait) {
        int status = response.statusCode();
        String code = "HttpError";
        String message = null;
        try {
            if (Json.parseObject(response.body()).get("error") instanceof Map<?, ?> error) {
                code = error.get("code") instanceof String c ? c : code;
                message = error.get("message") instanceof String m ? m : null;
            }
        } catch (RuntimeException notJson) {
            // keep the generic code
        }
        return new ITwinApiException(status, code, method + " " + uri.getPath() + " failed with HTTP " + status + " "
                + code + (message == null ? "" : ": " + message), wait, null);
    }
}
