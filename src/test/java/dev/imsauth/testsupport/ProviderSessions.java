package dev.imsauth.testsupport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's login sessions: one per user, created by the first ID token issued to them and named by the
 * {@code sid} claim every ID token of that session carries; ended by end-session with an {@code id_token_hint}.
 */
final class ProviderSessions {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> sidBySubject = new ConcurrentHashMap<>();
    private final Map<String, String> endedBySubject = new ConcurrentHashMap<>();

    /** The sid of the user's session, starting one when there is none. */
    String sidOf(String subject) {
        return sidBySubject.computeIfAbsent(subject, s -> {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            return "sid-" + HexFormat.of().formatHex(bytes);
        });
    }

    /** The user's live session, if any. */
    Optional<String> current(String subject) {
        return Optional.ofNullable(sidBySubject.get(subject));
    }

    /** Ends the user's session (end-session); the next ID token starts a new one. */
    void end(String subject) {
        String sid = sidBySubject.remove(subject);
        if (sid != null) {
            endedBySubject.put(subject, sid);
        }
    }

    /** The sid of the user's last ended session, if any. */
    Optional<String> lastEnded(String subject) {
        return Optional.ofNullable(endedBySubject.get(subject));
    }
}
