package dev.imsauth.session;

import dev.imsauth.protocol.SignedInUser;
import java.util.Optional;

/**
 * The place one user's {@link SignedInUser} lives between requests: the {@code HttpSession} (see
 * {@link SessionStore#slot}) or a session-scoped bean. {@link TokenRefresher} reads it and writes a
 * refreshed user back only when the slot still holds the user it refreshed, so a sign-out or a new
 * sign-in that happened meanwhile is never overwritten.
 */
public interface UserSlot {

    /** The stored user, if any. */
    Optional<SignedInUser> read();

    /** Stores {@code updated} if the slot still holds {@code expected} (same access token); false otherwise. */
    boolean replace(SignedInUser expected, SignedInUser updated);

    /** Removes the user if the slot still holds {@code expected} (same access token). */
    void clear(SignedInUser expected);

    /** {@link dev.imsauth.event.SessionIds#hash} of the slot's session id for events; null when it has none. */
    default String sessionIdHash() {
        return null;
    }

    /** True when both hold the same access token, i.e. the same generation of one sign-in. */
    static boolean sameTokens(SignedInUser a, SignedInUser b) {
        return a.tokens().accessToken().equals(b.tokens().accessToken());
    }
}
