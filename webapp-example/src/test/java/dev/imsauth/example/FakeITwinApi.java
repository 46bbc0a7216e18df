package dev.imsauth.example;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A development stand-in for {@code https://api.bentley.com} that knows one call, {@code GET /users/me}, on
 * 127.0.0.1. It accepts exactly the access tokens the development identity provider issued: it asks the
 * provider's userinfo endpoint who the token belongs to (as a resource server would introspect), and answers
 * in the iTwin shape {@code {"user":{"id","displayName","email",…}}}; anything else is 401
 * {@code {"error":{"code":"InvalidAuthorizationToken",…}}}.
 */
final class FakeITwinApi implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FakeITwinApi.class.getName());
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final URI userInfo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger usersMeCalls = new AtomicInteger();

    private FakeITwinApi(int port, URI userInfo) throws IOException {
        this.userInfo = userInfo;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on 127.0.0.1:{@code port} (0: a free one), trusting tokens that {@code userInfo} accepts. */
    static FakeITwinApi start(int port, URI userInfo) {
        try {
            return new FakeITwinApi(port, userInfo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake iTwin API on 127.0.0.1:" + port
                    + " (in use? choose another with -Dexample.api.port)", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the value for {@code ims.api-base-url}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many {@code /users/me} calls arrived. */
    int usersMeCalls() {
        return usersMeCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/users/me")) {
                send(exchange, 404, error("ResourceNotFound", "The fake iTwin API only knows GET /users/me."));
                return;
            }
            usersMeCalls.incrementAndGet();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, error("MethodNotAllowed", "Use GET."));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                send(exchange, 401, error("HeaderNotFound", "Header Authorization was not found in the request."));
                return;
            }
            Map<String, Object> claims = introspect(authorization);
            if (claims == null) {
                send(exchange, 401, error("InvalidAuthorizationToken", "The access token is not valid."));
                return;
            }
            send(exchange, 200, Map.of("user", user(claims)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "fake iTwin API failed", e);
        }
    }

    /** The userinfo claims for the token, or null when the provider refuses it. */
    private Map<String, Object> introspect(String authorization) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(userInfo).timeout(Duration.ofSeconds(5))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSONObjectUtils.parse(response.body()) : null;
        } catch (IOException | ParseException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Map<String, Object> user(Map<String, Object> claims) {
        String sub = String.valueOf(claims.get("sub"));
        String name = claims.get("name") == null ? sub : String.valueOf(claims.get("name"));
        String[] parts = name.split(" ", 2);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", java.util.UUID.nameUUIDFromBytes(sub.getBytes(StandardCharsets.UTF_8)).toString());
        user.put("displayName", name);
        user.put("givenName", parts[0]);
        user.put("surname", parts.length > 1 ? parts[1] : "");
        user.put("email", claims.get("email"));
        user.put("alternateEmail", null);
        user.put("phone", null);
        user.put("organizationName", "Contoso Engineering (development)");
        user.put("city", "Exton");
        user.put("country", "US");
        user.put("language", "EN");
        user.put("createdDateTime", "2024-01-15T09:30:00Z");
        return user;
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
