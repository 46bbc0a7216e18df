package dev.imsauth.testsupport;

import java.time.Instant;

/**
 * An access token the test provider issued and still honours.
 *
 * @param clientId  the client it was issued to
 * @param user      the user, or {@code null} for a client-credentials (service) token
 * @param scope     the granted scopes, space-separated (may be null)
 * @param expiresAt when it expires
 */
public record IssuedAccessToken(String clientId, TestUser user, String scope, Instant expiresAt) {

    /** True for a client-credentials token. */
    public boolean service() {
        return user == null;
    }
}
