package dev.imsauth.testsupport;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the live sessions of one servlet context by id, following id changes (sign-in rotates them), so
 * tests and benchmarks can look inside a session the way an attacker could not. Register it on the
 * context's session handler.
 */
public final class SessionTracker implements HttpSessionListener, HttpSessionIdListener {
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    /** The live session for a session cookie value (Jetty appends {@code .nodeN} to the id), if any. */
    public Optional<HttpSession> session(String cookieValue) {
        int dot = cookieValue.indexOf('.');
        return Optional.ofNullable(sessions.get(dot < 0 ? cookieValue : cookieValue.substring(0, dot)));
    }

    /** A snapshot of the live sessions. */
    public List<HttpSession> live() {
        return List.copyOf(sessions.values());
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        sessions.put(se.getSession().getId(), se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        sessions.remove(se.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent se, String oldId) {
        sessions.remove(oldId);
        sessions.put(se.getSession().getId(), se.getSession());
    }
}
