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
    /** When the access token was obtained; null in sets made by older versions or by application code. */
    private final Instant obtainedAt;
    /** No refresh before this instant (a cool-down after a failed refresh); null when none. */
    private final Instant refreshPausedUntil;
    /** When {@link #needsRefresh} turns true for the last margin asked (one margin per application), worked out once. */
    private transient volatile RefreshFrom refreshFrom;

    public TokenSet(String accessToken, String refreshToken, String idToken, Instant expiresAt, List<String> scopes) {
        this(accessToken, refreshToken, idToken, expiresAt, scopes, null, null);
    }

    TokenSet(String accessToken, String refreshToken, String idToken, Instant expiresAt, List<String> scopes,
             Instant obtainedAt, Instant refreshPausedUntil) {
        this.accessToken = Secret.of(accessToken);
        this.refreshToken = refreshToken == null || refreshToken.isEmpty() ? null : Secret.of(refreshToken);
        this.idToken = idToken == null || idToken.isEmpty() ? null : Secret.of(idToken);
        this.expiresAt = expiresAt;
        this.scopes = List.copyOf(scopes);
        this.obtainedAt = obtainedAt;
        this.refreshPausedUntil = refreshPausedUntil;
    }

    /** A set whose access token, obtained at {@code now}, lives {@code lifetime} (already bounded). */
    static TokenSet obtained(String accessToken, String refreshToken, String idToken, Instant now, Duration lifetime,
                             List<String> scopes) {
        return new TokenSet(accessToken, refreshToken, idToken, ProviderBounds.plus(now, lifetime), scopes, now, null);
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
        return !ProviderBounds.plus(now, margin).isBefore(expiresAt);
    }

    /**
     * True when the access token should be renewed at {@code now}: within {@code margin} of its expiry, where
     * the margin is at most half the token's lifetime (so a short-lived token is not refreshed on every
     * request), and no cool-down after a failed refresh is running.
     */
    public boolean needsRefresh(Instant now, Duration margin) {
        return !now.isBefore(refreshFrom(margin).at());
    }

    /**
     * As {@link #needsRefresh(Instant, Duration)} for the clock's reading in epoch milliseconds: what a signed-in
     * request asks, with no {@link Instant} made.
     */
    public boolean needsRefresh(long nowMillis, Duration margin) {
        return nowMillis >= refreshFrom(margin).atMillis();
    }

    private RefreshFrom refreshFrom(Duration margin) {
        RefreshFrom from = refreshFrom;
        if (from == null || !from.margin().equals(margin)) {
            Duration effective = margin;
            if (obtainedAt != null && expiresAt.isAfter(obtainedAt)) {
                Duration half = half(Duration.between(obtainedAt, expiresAt));
                effective = half.compareTo(margin) < 0 ? half : margin;
            }
            // now + effective >= expiresAt  <=>  now >= expiresAt - effective
            Instant at = ProviderBounds.plus(expiresAt, effective.negated());
            from = new RefreshFrom(margin, at, ceilingMillis(at));
            refreshFrom = from;
        }
        return from;
    }

    /** The first whole millisecond not before {@code at}, saturated to the range of a long. */
    private static long ceilingMillis(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1000 - 1) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1000 + 1) {
            return Long.MIN_VALUE;
        }
        int nanos = at.getNano();
        return seconds * 1000 + nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    /** When a refresh is due for one margin: as an instant, and as the first epoch millisecond at or after it. */
    private record RefreshFrom(Duration margin, Instant at, long atMillis) {
    }

    /**
     * {@code d.dividedBy(2)} for a positive duration, exactly (rounded down to the nanosecond), without the
     * BigDecimal arithmetic {@code dividedBy} does: this is asked on every signed-in request.
     */
    private static Duration half(Duration d) {
        long seconds = d.getSeconds();
        return Duration.ofSeconds(seconds / 2, (seconds % 2) * 500_000_000L + d.getNano() / 2);
    }

    /** The end of the cool-down after a failed refresh, if one is running at {@code now}. */
    public Optional<Instant> refreshPausedAt(Instant now) {
        return Optional.ofNullable(refreshPausedUntil).filter(now::isBefore);
    }

    /** A copy that must not be refreshed before {@code until} (a cool-down after a failed refresh). */
    public TokenSet pauseRefreshUntil(Instant until) {
        return new TokenSet(accessToken(), refreshToken().orElse(null), idToken().orElse(null), expiresAt, scopes,
                obtainedAt, until);
    }

    /** A copy after a refresh: the new refresh token replaces the old one only when the provider sent one. */
    public TokenSet refreshedWith(String newAccessToken, String newRefreshToken, String newIdToken,
                                  Instant newExpiresAt, List<String> newScopes) {
        return new TokenSet(newAccessToken,
                newRefreshToken != null ? newRefreshToken : refreshToken().orElse(null),
                newIdToken != null ? newIdToken : idToken().orElse(null),
                newExpiresAt, newScopes.isEmpty() ? scopes : newScopes);
    }

    /** {@link #refreshedWith} for tokens obtained at {@code now} that live {@code lifetime} (already bounded). */
    TokenSet refreshedWith(String newAccessToken, String newRefreshToken, String newIdToken, Instant now,
                           Duration lifetime, List<String> newScopes) {
        return new TokenSet(newAccessToken,
                newRefreshToken != null ? newRefreshToken : refreshToken().orElse(null),
                newIdToken != null ? newIdToken : idToken().orElse(null),
                ProviderBounds.plus(now, lifetime), newScopes.isEmpty() ? scopes : newScopes, now, null);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                + ", idToken=" + (idToken == null ? "none" : "****") + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + (refreshPausedUntil == null ? "" : ", refreshPausedUntil=" + refreshPausedUntil) + "]";
    }
}
