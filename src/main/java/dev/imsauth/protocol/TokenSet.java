package dev.imsauth.protocol;

import dev.imsauth.config.Secret;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tokens of one signed-in user (or one service), immutable and {@link Serializable} so that session
 * replication carries them. {@link #toString()} never shows a token value.
 */
public final class TokenSet implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Secret accessToken;
    private final Secret refreshToken;
    private final Secret idToken;
    private final Instant expiresAt;
    private final List<String> scopes;

    public TokenSet(String accessToken, String refreshToken, String idToken, Instant expiresAt, List<String> scopes) {
        this.accessToken = Secret.of(accessToken);
        this.refreshToken = refreshToken == null || refreshToken.isEmpty() ? null : Secret.of(refreshToken);
        this.idToken = idToken == null || idToken.isEmpty() ? null : Secret.of(idToken);
        this.expiresAt = expiresAt;
        this.scopes = List.copyOf(scopes);
    }

    /** The access token for API calls. */
    public String accessToken() {
        return accessToken.reveal();
    }

    /** The value of an {@code Authorization} header, as iTwin code passes tokens around: {@code Bearer <token>}. */
    public String authorizationHeader() {
        return "Bearer " + accessToken.reveal();
    }

    /** The refresh token, present when {@code offline_access} was granted. */
    public Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken).map(Secret::reveal);
    }

    /** The ID token (compact JWT); absent for service tokens. */
    public Optional<String> idToken() {
        return Optional.ofNullable(idToken).map(Secret::reveal);
    }

    /** When the access token expires. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The granted scopes. */
    public List<String> scopes() {
        return scopes;
    }

    /** True when the access token expires within {@code margin} of {@code now}. */
    public boolean expiresWithin(Instant now, Duration margin) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    /** A copy after a refresh: the new refresh token replaces the old one only when the provider sent one. */
    public TokenSet refreshedWith(String newAccessToken, String newRefreshToken, String newIdToken,
                                  Instant newExpiresAt, List<String> newScopes) {
        return new TokenSet(newAccessToken,
                newRefreshToken != null ? newRefreshToken : refreshToken().orElse(null),
                newIdToken != null ? newIdToken : idToken().orElse(null),
                newExpiresAt, newScopes.isEmpty() ? scopes : newScopes);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                + ", idToken=" + (idToken == null ? "none" : "****") + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
