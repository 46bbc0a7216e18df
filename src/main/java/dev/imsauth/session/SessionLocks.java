package dev.imsauth.session;

import jakarta.servlet.http.HttpSession;

/**
 * Striped locks for short read-modify-write sequences on one session's attributes. Containers may hand
 * out a different {@link HttpSession} facade object per request, so the session object itself is not a
 * reliable monitor; the session id is. Held only around in-memory work, never around network calls.
 */
final class SessionLocks {
    private final Object[] stripes = new Object[64];

    SessionLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(HttpSession session) {
        return stripes[Math.floorMod(session.getId().hashCode(), stripes.length)];
    }
}
