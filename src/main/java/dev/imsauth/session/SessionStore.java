package dev.imsauth.session;

import dev.imsauth.event.SessionIds;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.OpaqueValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The only class that reads and writes the library's session attributes; they are exactly these six:
 * <ul>
 * <li>{@value #PENDING_ATTRIBUTE}: the sign-ins under way ({@link PendingLogins});</li>
 * <li>{@value #USER_ATTRIBUTE}: the signed-in user and their tokens ({@link SignedInUser});</li>
 * <li>{@value #SIGNED_IN_AT_ATTRIBUTE}: when that user signed in (a Long), for back-channel logouts;</li>
 * <li>{@value #LOGOUT_TOKEN_ATTRIBUTE}: the token the logout confirmation form carries (a String);</li>
 * <li>{@value #SIGN_OUT_ATTRIBUTE}: a sign-out on its way through the provider ({@link SignOutInProgress});</li>
 * <li>{@value #SCOPE_REQUEST_ATTRIBUTE}: scopes the user was just sent to the provider for ({@link ScopeRequest}).</li>
 * </ul>
 * Every change is written back with {@code setAttribute}, so replicating containers see it. Read-modify-write
 * sequences on one session are serialized by {@link SessionLocks}.
 */
public final class SessionStore {
    /** The pending sign-ins ({@link PendingLogins}). */
    public static final String PENDING_ATTRIBUTE = "dev.imsauth.pending-logins";
    /** The signed-in user ({@link SignedInUser}). */
    public static final String USER_ATTRIBUTE = "dev.imsauth.user";
    /** The per-session token that the logout confirmation form carries (a String). */
    public static final String LOGOUT_TOKEN_ATTRIBUTE = "dev.imsauth.logout-token";
    /** When the user signed in, epoch milliseconds (a Long), for back-channel logouts. */
    public static final String SIGNED_IN_AT_ATTRIBUTE = "dev.imsauth.signed-in-at";
    /** A sign-out on its way through the provider's end-session ({@link SignOutInProgress}), in a fresh session. */
    public static final String SIGN_OUT_ATTRIBUTE = "dev.imsauth.sign-out";
    /** Scopes the user was sent to the provider for ({@link ScopeRequest}), until they have them. */
    public static final String SCOPE_REQUEST_ATTRIBUTE = "dev.imsauth.scope-request";
    private final SecureRandom random = new SecureRandom();
    private final SessionLocks locks = new SessionLocks();
    private final Clock clock;
    private final Duration loginTimeout;
    private final int maxPending;
    private final boolean invalidate;

    /** A store whose sign-outs invalidate the session (the filter's). */
    public SessionStore(Clock clock, Duration loginTimeout, int maxPending) {
        this(clock, loginTimeout, maxPending, true);
    }

    /**
     * @param invalidate how a sign-out ends the session: {@code true} invalidates it; {@code false} empties it
     *                   (every attribute removed) and gives it a new id, which is what the Jakarta Security
     *                   mechanism uses. Invalidating a session inside {@code validateRequest} on WildFly leaves
     *                   Weld's lazily initialized conversation context without its current conversation, so Weld
     *                   logs WELD-000717 at the end of that request and WELD-000335 on the next one of the same
     *                   worker thread; an emptied session with a new id fires no session-destroyed event. Either
     *                   way nothing of the user stays and the old session id signs nobody in.
     */
    public SessionStore(Clock clock, Duration loginTimeout, int maxPending, boolean invalidate) {
        this.clock = clock;
        this.loginTimeout = loginTimeout;
        this.maxPending = maxPending;
        this.invalidate = invalidate;
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
        return Optional.ofNullable(storedUser(request));
    }

    /** As {@link #user}, null when there is none: the read every signed-in request makes. */
    public SignedInUser storedUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(USER_ATTRIBUTE) instanceof SignedInUser u ? u : null;
    }

    /**
     * Stores a completed sign-in after rotating the session id (session fixation defence).
     */
    public void signIn(HttpServletRequest request, SignedInUser user) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(USER_ATTRIBUTE, user);
        session.setAttribute(SIGNED_IN_AT_ATTRIBUTE, clock.instant().toEpochMilli());
    }

    /** When this session's user signed in; {@link Instant#MIN} when unknown (a session from an older version). */
    public Instant signedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SIGNED_IN_AT_ATTRIBUTE) instanceof Long millis
                ? Instant.ofEpochMilli(millis) : Instant.MIN;
    }

    /**
     * Keeps a sign-out whose refresh token is revoked when the browser is back from the provider's end-session,
     * in a new session (the signed-in one is already invalidated) that holds nothing else.
     */
    public void rememberSignOut(HttpServletRequest request, SignOutInProgress signOut) {
        request.getSession(true).setAttribute(SIGN_OUT_ATTRIBUTE, signOut);
    }

    /** Takes (removes) the sign-out this browser has on its way through the provider, if any. */
    public Optional<SignOutInProgress> takeSignOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        if (session.getAttribute(SIGN_OUT_ATTRIBUTE) == null) {
            return Optional.empty(); // every request asks: no lock unless there is something to take
        }
        synchronized (locks.of(session)) {
            if (session.getAttribute(SIGN_OUT_ATTRIBUTE) instanceof SignOutInProgress signOut) {
                session.removeAttribute(SIGN_OUT_ATTRIBUTE);
                return Optional.of(signOut);
            }
            return Optional.empty();
        }
    }

    /** Remembers the scopes the user is being sent to the provider for, creating the session if needed. */
    public void rememberScopeRequest(HttpServletRequest request, ScopeRequest asked) {
        request.getSession(true).setAttribute(SCOPE_REQUEST_ATTRIBUTE, asked);
    }

    /** The scopes the user was last sent to the provider for, if any. */
    public Optional<ScopeRequest> scopeRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SCOPE_REQUEST_ATTRIBUTE) instanceof ScopeRequest asked
                ? Optional.of(asked) : Optional.empty();
    }

    /** Forgets the scopes asked for (the user has them, or was told they were declined). */
    public void forgetScopeRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SCOPE_REQUEST_ATTRIBUTE);
        }
    }

    /** Replaces the signed-in user (after a refresh). */
    public void replace(HttpServletRequest request, SignedInUser user) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(USER_ATTRIBUTE, user);
        }
    }

    /**
     * The signed-in user's place in this request's session, for {@link TokenRefresher}. Reads see the
     * session as it is at each call; writes are compare-and-set under the session's lock and do nothing
     * once the session is gone or holds another sign-in.
     */
    public UserSlot slot(HttpServletRequest request) {
        return new SessionSlot(request);
    }

    /** Ends the session (sign-out: invalidated, or emptied with a new id) and returns the user it held, if any. */
    public Optional<SignedInUser> invalidate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            Optional<SignedInUser> user = session.getAttribute(USER_ATTRIBUTE) instanceof SignedInUser u
                    ? Optional.of(u) : Optional.empty();
            if (invalidate) {
                session.invalidate();
            } else {
                synchronized (locks.of(session)) {
                    for (String name : java.util.Collections.list(session.getAttributeNames())) {
                        session.removeAttribute(name);
                    }
                }
                request.changeSessionId();
            }
            return user;
        } catch (IllegalStateException alreadyInvalidated) {
            return Optional.empty();
        }
    }

    /** The session's logout-form token, created on first use; empty without a session. */
    public Optional<String> logoutToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (locks.of(session)) {
            if (session.getAttribute(LOGOUT_TOKEN_ATTRIBUTE) instanceof String token) {
                return Optional.of(token);
            }
            String token = OpaqueValues.random(random, 32);
            session.setAttribute(LOGOUT_TOKEN_ATTRIBUTE, token);
            return Optional.of(token);
        }
    }

    /** True when {@code candidate} is this session's logout-form token (constant-time comparison). */
    public boolean isLogoutToken(HttpServletRequest request, String candidate) {
        HttpSession session = request.getSession(false);
        return candidate != null && session != null && session.getAttribute(LOGOUT_TOKEN_ATTRIBUTE) instanceof String token
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link SessionIds#hash} of this request's session id, for events; null without a (valid) session. */
    public String sessionIdHash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        try {
            return session == null ? null : SessionIds.hash(session.getId());
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Forgets the signed-in user but keeps the session. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(USER_ATTRIBUTE);
        }
    }

    private final class SessionSlot implements UserSlot {
        private final HttpServletRequest request;

        SessionSlot(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public Optional<SignedInUser> read() {
            try {
                return user(request);
            } catch (IllegalStateException invalidated) {
                return Optional.empty();
            }
        }

        @Override
        public String sessionIdHash() {
            return SessionStore.this.sessionIdHash(request);
        }

        @Override
        public boolean replace(SignedInUser expected, SignedInUser updated) {
            return update(expected, session -> session.setAttribute(USER_ATTRIBUTE, updated));
        }

        @Override
        public void clear(SignedInUser expected) {
            update(expected, session -> session.removeAttribute(USER_ATTRIBUTE));
        }

        private boolean update(SignedInUser expected, java.util.function.Consumer<HttpSession> change) {
            HttpSession session = request.getSession(false);
            if (session == null) {
                return false;
            }
            try {
                synchronized (locks.of(session)) {
                    if (session.getAttribute(USER_ATTRIBUTE) instanceof SignedInUser current
                            && UserSlot.sameTokens(current, expected)) {
                        change.accept(session);
                        return true;
                    }
                    return false;
                }
            } catch (IllegalStateException invalidated) {
                return false;
            }
        }
    }
}
