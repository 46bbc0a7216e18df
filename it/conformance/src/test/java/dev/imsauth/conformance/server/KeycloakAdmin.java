package dev.imsauth.conformance.server;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Keycloak saw, through its admin REST API: the realm's stored events (who signed in at which client,
 * code exchanges, refreshes, logouts, client-credentials grants, and their errors), plus the few changes the
 * suite makes at run time (the back-channel logout URL of the server under test).
 */
public final class KeycloakAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String realm;
    private final String password;

    KeycloakAdmin(URI base, String realm, String password) {
        this.base = base;
        this.realm = realm;
        this.password = password;
    }

    /** One stored event of the realm (Keycloak's EventRepresentation). */
    public record Event(long time, String type, String clientId, String userId, String sessionId, String error,
            Map<String, Object> details) {

        public String detail(String name) {
            Object value = details.get(name);
            return value == null ? null : value.toString();
        }
    }

    /**
     * The realm's events of these types for {@code clientId} at or after {@code since} (epoch milliseconds),
     * oldest first.
     */
    public List<Event> events(String clientId, long since, String... types) {
        StringBuilder query = new StringBuilder("max=1000&client=").append(encode(clientId));
        for (String type : types) {
            query.append("&type=").append(encode(type));
        }
        List<Event> events = new ArrayList<>();
        for (Object item : array(get("/admin/realms/" + realm + "/events?" + query))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) item;
            Event e = new Event(((Number) event.get("time")).longValue(), (String) event.get("type"),
                    (String) event.get("clientId"), (String) event.get("userId"), (String) event.get("sessionId"),
                    (String) event.get("error"), details(event.get("details")));
            if (e.time() >= since) {
                events.add(0, e);
            }
        }
        return events;
    }

    /** The id Keycloak gave the user {@code username}. */
    public String userId(String username) {
        List<Object> users = array(get("/admin/realms/" + realm + "/users?exact=true&username=" + encode(username)));
        if (users.size() != 1) {
            throw new IllegalStateException("Keycloak knows " + users.size() + " users named " + username);
        }
        return (String) ((Map<?, ?>) users.get(0)).get("id");
    }

    /** Sets one attribute of the client {@code clientId} (e.g. {@code backchannel.logout.url}). */
    public void setClientAttribute(String clientId, String attribute, String value) {
        List<Object> clients = array(get("/admin/realms/" + realm + "/clients?clientId=" + encode(clientId)));
        @SuppressWarnings("unchecked")
        Map<String, Object> client = new LinkedHashMap<>((Map<String, Object>) clients.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) client.get("attributes"));
        attributes.put(attribute, value);
        client.put("attributes", attributes);
        send("PUT", "/admin/realms/" + realm + "/clients/" + client.get("id"), JSONObjectUtils.toJSONString(client));
    }

    /** Ends every session of the user at Keycloak, as an administrator would (Keycloak then logs the clients out). */
    public void logoutUser(String userId) {
        send("POST", "/admin/realms/" + realm + "/users/" + userId + "/logout", "");
    }

    private String get(String path) {
        return send("GET", path, null);
    }

    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken()).header("Accept", "application/json");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = call(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin API " + method + " " + path + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A fresh admin token each time (the master realm's tokens live a minute); the password is never shown. */
    private String adminToken() {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", password);
        HttpResponse<String> response = call(HttpRequest.newBuilder(base.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"))))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the suite's admin sign-in: HTTP " + response.statusCode());
        }
        try {
            return JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "access_token");
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak's admin token response is not JSON", e);
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak admin API " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> array(String json) {
        try {
            return JSONArrayUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak admin API answered with something other than a JSON array", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Object details) {
        return details instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
