package dev.imsauth.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** Registered clients, and client authentication at the token and revocation endpoints. */
final class ClientRegistry {

    /** A registered client; {@code secret == null} makes it public. */
    record Client(String id, String secret, Set<String> redirectUris, Set<String> postLogoutRedirectUris) {

        boolean confidential() {
            return secret != null;
        }

        boolean acceptsPostLogoutRedirect(String uri) {
            return redirectUris.contains(uri) || postLogoutRedirectUris.contains(uri);
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /** Registers, or replaces, a client. */
    void register(String id, String secret, List<String> redirectUris) {
        if (secret != null) {
            SecretLedger.secret(secret);
        }
        clients.put(id, new Client(id, secret, Set.copyOf(redirectUris), new CopyOnWriteArraySet<>()));
    }

    void addPostLogoutRedirectUri(String clientId, String uri) {
        Client client = clients.get(clientId);
        if (client == null) {
            throw new IllegalArgumentException("register client " + clientId + " first");
        }
        client.postLogoutRedirectUris().add(uri);
    }

    /** The client, or {@code null}. */
    Client find(String id) {
        return id == null ? null : clients.get(id);
    }

    /**
     * Authenticates the client of a back-channel request: client_secret_basic, client_secret_post, or
     * none (public clients, client_id in the body). Exactly one method may be used.
     */
    Client authenticate(RecordedRequest request, Params form) {
        String authorization = request.header("Authorization");
        String bodyId = form.get("client_id");
        String bodySecret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (bodySecret != null) {
                throw OAuthProblem.invalidRequest("more than one client authentication method");
            }
            String[] credentials = decodeBasic(authorization.substring(6).trim());
            if (bodyId != null && !bodyId.equals(credentials[0])) {
                throw OAuthProblem.invalidClient("client_id does not match the credentials");
            }
            return check(credentials[0], credentials[1]);
        }
        if (bodyId == null) {
            throw OAuthProblem.invalidClient("no client authentication");
        }
        return check(bodyId, bodySecret);
    }

    private Client check(String id, String secret) {
        Client client = find(id);
        if (client == null) {
            throw OAuthProblem.invalidClient("unknown client");
        }
        if (!client.confidential()) {
            if (secret != null && !secret.isEmpty()) {
                throw OAuthProblem.invalidClient("public client sent a secret");
            }
            return client;
        }
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                client.secret().getBytes(StandardCharsets.UTF_8))) {
            throw OAuthProblem.invalidClient("client authentication failed");
        }
        return client;
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded before they are joined and base64-encoded. */
    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthProblem.invalidClient("malformed basic credentials");
            }
            return new String[] {formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidClient("malformed basic credentials");
        }
    }

    private static String formDecode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
