package dev.imsauth.session;

import dev.imsauth.protocol.PendingLogin;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The sign-ins under way in one session, keyed by state, in start order. Several may be pending at once
 * (several tabs); past the bound the oldest is evicted, and expired ones are dropped whenever the map is
 * touched. {@link #take(String)} removes, so each state works once.
 */
public final class PendingLogins implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LinkedHashMap<String, PendingLogin> byState = new LinkedHashMap<>();
    private final int max;

    public PendingLogins(int max) {
        this.max = max;
    }

    /** Adds a sign-in, evicting expired ones and then the oldest beyond the bound. */
    public synchronized void add(PendingLogin login, Instant now, Duration timeout) {
        purge(now, timeout);
        byState.put(login.state(), login);
        Iterator<String> oldest = byState.keySet().iterator();
        while (byState.size() > max) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Removes and returns the sign-in for this state (expired ones too: the caller reports the expiry). */
    public synchronized Optional<PendingLogin> take(String state) {
        return Optional.ofNullable(byState.remove(state));
    }

    /** The states of the sign-ins pending now, oldest first (a copy). */
    public synchronized java.util.Set<String> states() {
        return new java.util.LinkedHashSet<>(byState.keySet());
    }

    /** How many are pending. */
    public synchronized int size() {
        return byState.size();
    }

    private void purge(Instant now, Duration timeout) {
        byState.values().removeIf(p -> p.expiredAt(now, timeout));
    }
}
