package dev.imsauth.example;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * Calls iTwin {@code GET /users/me} with the signed-in user's access token.
 *
 * <p>Stand-in until the library's iTwin API client ({@code dev.imsauth.client}) is on main; it is kept to
 * what a portal's own code would do: one shared {@link HttpClient}, explicit timeouts, the token only in the
 * {@code Authorization} header and never in a message.
 */
final class UsersMeClient {

    private static final String ACCEPT = "application/vnd.bentley.itwin-platform.v1+json";
    private final URI usersMe;
    private final HttpClient http;

    UsersMeClient(URI apiBaseUrl) {
        this.usersMe = URI.create(apiBaseUrl.toString().replaceAll("/+$", "") + "/users/me");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI endpoint() {
        return usersMe;
    }

    /** The user's iTwin profile; {@link ApiException} with the status and the API's error code otherwise. */
    Map<String, Object> me(String authorizationHeader) {
        HttpRequest request = HttpRequest.newBuilder(usersMe).timeout(Duration.ofSeconds(10))
                .header("Accept", ACCEPT).header("Authorization", authorizationHeader).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(0, "unreachable", "The iTwin API at " + usersMe.getHost() + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", "Interrupted while calling the iTwin API");
        }
        Map<String, Object> body = parse(response.body());
        if (response.statusCode() != 200) {
            Object error = body.get("error");
            String code = error instanceof Map<?, ?> m && m.get("code") != null ? String.valueOf(m.get("code")) : "unknown";
            throw new ApiException(response.statusCode(), code, "The iTwin API answered HTTP " + response.statusCode());
        }
        if (!(body.get("user") instanceof Map<?, ?> user)) {
            throw new ApiException(response.statusCode(), "unexpected_body", "The iTwin API sent no user");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) user;
        return typed;
    }

    private static Map<String, Object> parse(String text) {
        try {
            return text == null || text.isBlank() ? Map.of() : JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            return Map.of();
        }
    }

    /** A failed API call: HTTP status (0 when there was no answer) and the API's error code. */
    static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        ApiException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
