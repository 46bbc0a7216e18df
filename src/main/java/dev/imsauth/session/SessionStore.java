package dev.imsauth.session;

import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads and writes the library's two session attributes. Every change is written back with
 * {@code setAttribute}, so replicating containers see it. Read-modify-write sequences on one session
 * are serialized by {@link SessionLocks}.
 */
public final class SessionStore {
    /** The pending sign-ins ({@link PendingLogins}). */
    public static final String PENDING_ATTRIBUTE = "dev.imsauth.pending-logins";
    /** The signed-in user ({@link SignedInUser}). */
    public static final String USER_ATTRIBUTE = "dev.imsauth.user";
    private final SessionLocks locks = new SessionLocks();
    private final Clock clock;
    private final Duration loginTimeout;
    private final int maxPending;

    public SessionStore(Clock clock, Duration loginTimeout, int maxPending) {
        this.clock = clock;
        this.loginTimeout = loginTimeout;
        this.maxPending = maxPending;
    }

    /** Remembers a sign-in under way, creating the session if needed. */
    public void addPending(HttpServletRequest request, PendingLogin login) {
        HttpSession session = request.getSession(true);
        synchronized (locks.of(session)) {
            PendingLogins pending = session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingLogins p
                    ? p : new PendingLogins(maxPending);
            pending.add(login, clock.instant(), loginTimeout);
            session.setAttribute(PENDING_ATTRIBUTE, pending);
        }
    }

    /** Takes (removes) the sign-in for this state; empty without a session or for an unknown state. */
    public Optional<PendingLogin> takePending(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (locks.of(session)) {
            if (!(session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingLogins pending)) {
                return Optional.empty();
            }
            Optional<PendingLogin> taken = pending.take(state);
            if (pending.size() == 0) {
                session.removeAttribute(PENDING_ATTRIBUTE);
            } else {
                session.setAttribute(PENDING_ATTRIBUTE, pending);
            }
            return taken;
        }
    }

    /** The signed-in user of this request's session, if any. */
    public Optional<SignedInUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(USER_ATTRIBUTE) instanceof SignedInUser u
                ? Optional.of(u) : Optional.empty();
    }

    /**
     * Stores a completed sign-in after rotating the session id (session fixation defence).
     */
    public void signIn(HttpServletRequest request, SignedInUser user) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession(false).setAttribute(USER_ATTRIBUTE, user);
    }

    /** Replaces the signed-in user (after a refresh). */
    public void replace(HttpServletRequest request, SignedInUser user) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(USER_ATTRIBUTE, user);
        }
    }

    /** Forgets the signed-in user but keeps the session. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(USER_ATTRIBUTE);
        }
    }
}
