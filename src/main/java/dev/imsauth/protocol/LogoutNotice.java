package dev.imsauth.protocol;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified back-channel logout: the provider ended the session {@code sid} of the user {@code sub} (at
 * least one is present). Every application session of that provider session (or, with only {@code sub},
 * every session of that user) signed in before {@code issuedAt} is to end.
 *
 * @param sid      the provider's session id, as in the ID token's {@code sid}
 * @param subject  the user, as in the ID token's {@code sub}
 * @param issuedAt the logout token's {@code iat}
 */
public record LogoutNotice(Optional<String> sid, Optional<String> subject, Instant issuedAt) {
    public LogoutNotice {
        if (sid.isEmpty() && subject.isEmpty()) {
            throw new IllegalArgumentException("a logout names a sid, a sub, or both");
        }
    }
}
