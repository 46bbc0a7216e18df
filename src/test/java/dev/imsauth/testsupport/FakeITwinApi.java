package dev.imsauth.testsupport;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in for {@code https://api.bentley.com} on 127.0.0.1: {@code GET /users/me} answers the iTwin Users
 * API's {@code {"user":{…}}} for the bearer token's user (or the service user
 * {@code {client_id}@apps.imsoidc.bentley.com} for a client-credentials token), other paths answer what a
 * test {@link #stub stubs}, and {@link #enqueue} scripts one-off answers (429 with Retry-After, 401, …) that
 * come before all else. A missing or unknown token gets 401 with the API's error JSON. Every request is
 * recorded. Tokens are checked against a {@link TestOpenIdProvider} (or any function).
 */
public final class FakeITwinApi implements AutoCloseable {
    private static final String ERROR = "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}";
    private final Server server;
    private final Function<String, Optional<IssuedAccessToken>> tokens;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final Map<String, Scripted> stubs = new ConcurrentHashMap<>();

    /** One request the fake received; {@link #toString()} masks the Authorization header. */
    public record Call(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }

        /** The bearer token sent, or null. */
        public String bearer() {
            String h = header("Authorization");
            return h != null && h.startsWith("Bearer ") ? h.substring(7) : null;
        }

        @Override
        public String toString() {
            return "Call[" + method + " " + path + (query == null ? "" : "?" + query) + " accept=" + header("Accept") + "]";
        }
    }

    private record Scripted(String method, String path, int status, Map<String, String> headers, String body) {
    }

    private FakeITwinApi(int port, Function<String, Optional<IssuedAccessToken>> tokens) throws Exception {
        this.tokens = tokens;
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Call call = record(request);
                calls.add(call);
                Scripted reply = reply(call);
                response.setStatus(reply.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                reply.headers().forEach(response.getHeaders()::put);
                response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    /** A fake that honours the access tokens this provider issued. */
    public static FakeITwinApi start(TestOpenIdProvider op) {
        return start(0, op::introspect);
    }

    /** A fake on {@code port} (0: any free one) with its own token check. */
    public static FakeITwinApi start(int port, Function<String, Optional<IssuedAccessToken>> tokens) {
        try {
            return new FakeITwinApi(port, tokens);
        } catch (Exception e) {
            throw new IllegalStateException(port != 0 && !LoopbackPorts.isFree(port)
                    ? LoopbackPorts.inUse(port, "the fake iTwin API", "Choose another port (0: any free one).")
                    : "cannot start the fake iTwin API", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, the value for {@code ims.api-base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Answers the next request to {@code method path} with this, once, before anything else (even the token check). */
    public FakeITwinApi enqueue(String method, String path, int status, Map<String, String> headers, String body) {
        script.add(new Scripted(method, path, status, Map.copyOf(headers), body));
        return this;
    }

    /** Answers every authorised request to {@code method path} with this JSON. */
    public FakeITwinApi stub(String method, String path, int status, String json) {
        stubs.put(method + " " + path, new Scripted(method, path, status, Map.of(), json));
        return this;
    }

    /** The API's error JSON, e.g. {@code error("iTwinNotFound", "Requested iTwin is not available.")}. */
    public static String error(String code, String message) {
        return ERROR.formatted(code, message);
    }

    /** Every request received, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests to one path. */
    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Forgets requests, scripted answers and stubs. */
    public void reset() {
        calls.clear();
        script.clear();
        stubs.clear();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Scripted reply(Call call) {
        for (Scripted s : script) {
            if (s.method().equals(call.method()) && s.path().equals(call.path()) && script.remove(s)) {
                return s;
            }
        }
        Optional<IssuedAccessToken> token = call.bearer() == null ? Optional.empty() : tokens.apply(call.bearer());
        if (call.header("Authorization") == null) {
            return json(401, error("HeaderNotFound", "Header Authorization was not found in the request. Access denied."));
        }
        if (token.isEmpty()) {
            return json(401, error("InvalidToken", "The access token is invalid or has expired."));
        }
        if (call.method().equals("GET") && call.path().equals("/users/me")) {
            return json(200, JSONObjectUtils.toJSONString(Map.of("user", profile(token.get()))));
        }
        Scripted stub = stubs.get(call.method() + " " + call.path());
        return stub != null ? stub : json(404, error("NotFound", "No such endpoint in the fake iTwin API."));
    }

    private static Map<String, Object> profile(IssuedAccessToken token) {
        Map<String, Object> u = new LinkedHashMap<>();
        if (token.service()) {
            String serviceUser = token.clientId() + "@apps.imsoidc.bentley.com";
            u.put("id", UUID.nameUUIDFromBytes(serviceUser.getBytes(StandardCharsets.UTF_8)).toString());
            u.put("displayName", serviceUser);
            u.put("email", serviceUser);
            return u;
        }
        TestUser user = token.user();
        String[] names = (user.name() == null ? user.subject() : user.name()).split(" ", 2);
        u.put("id", UUID.nameUUIDFromBytes(user.subject().getBytes(StandardCharsets.UTF_8)).toString());
        u.put("displayName", user.email() != null ? user.email() : user.subject());
        u.put("givenName", names[0]);
        u.put("surname", names.length > 1 ? names[1] : "");
        u.put("email", user.email());
        u.put("alternateEmail", user.email());
        u.put("phone", "000-000-0000");
        u.put("organizationName", "Example Organization");
        u.put("city", "Exton");
        u.put("country", "US");
        u.put("language", "EN");
        u.put("createdDateTime", "2020-03-25T04:36:40.4210000Z");
        return u;
    }

    private static Scripted json(int status, String body) {
        return new Scripted(null, null, status, Map.of(), body);
    }

    private static Call record(Request request) throws Exception {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getName(), f.getValue(), (a, b) -> a + ", " + b);
        }
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        return new Call(request.getMethod(), Request.getPathInContext(request), request.getHttpURI().getQuery(),
                headers, body == null || body.isEmpty() ? null : body);
    }
}
