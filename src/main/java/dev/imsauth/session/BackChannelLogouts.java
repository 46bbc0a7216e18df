package dev.imsauth.session;

import dev.imsauth.protocol.LogoutNotice;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.LogoutRecords.Kind;
import dev.imsauth.session.LogoutRecords.LogoutRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's view of the back-channel logouts of the application: which provider sessions ({@code sid}) and
 * users ({@code sub}) have been signed out, and when. A logout received here is applied at once; one received
 * by another node is read from the shared {@link LogoutRecords} at most once per {@code interval} (asked on a
 * signed-in request, so an idle node reads nothing). A signed-in session whose {@code sid} — or, for a logout
 * naming only {@code sub}, whose user — was signed out after it signed in is over: so a user's next request on
 * any node is signed out at most {@code interval} after the provider's call reached one node.
 *
 * <p>Records are kept {@link #RETENTION}; a session idle longer than that (longer than any sensible session
 * timeout) is not checked against older logouts.
 */
public final class BackChannelLogouts {
    /** How long a logout is remembered, here and in the shared store. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** The most records read from the shared store in one look. */
    static final int MAX_READ = 10_000;
    private static final System.Logger LOG = System.getLogger(BackChannelLogouts.class.getName());
    private final LogoutRecords shared;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private volatile Instant nextLook = Instant.MIN;
    /** {@link #nextLook} in epoch milliseconds, rounded down: a look is not due while the clock's millis are below. */
    private volatile long nextLookMillis = Long.MIN_VALUE;
    private volatile Instant lastLook;
    private Instant nextPurge = Instant.MIN;

    public BackChannelLogouts(LogoutRecords shared, Clock clock, Duration interval) {
        this.shared = shared;
        this.clock = clock;
        this.interval = interval;
        this.lastLook = clock.instant().minus(RETENTION);
    }

    /**
     * Applies a verified logout on this node and shares it with the others. Throws
     * {@link LogoutRecords.LogoutStoreException} when the shared store failed (applied here all the same).
     */
    public void record(LogoutNotice notice) {
        Instant now = clock.instant();
        // sid and sub together: the one provider session; sub alone: every session of the user
        LogoutRecord record = notice.sid().map(sid -> new LogoutRecord(Kind.SID, sid, now))
                .orElseGet(() -> new LogoutRecord(Kind.SUB, notice.subject().orElseThrow(), now));
        rememberLocally(record);
        shared.add(record);
    }

    /** True when a back-channel logout ended this user's session, which signed in at {@code signedInAt}. */
    public boolean isEnded(SignedInUser user, Instant signedInAt) {
        lookAtSharedRecordsIfDue(clock.millis());
        if (ended.isEmpty()) {
            return false;
        }
        return endedAfter(key(Kind.SUB, user.claims().subject()), signedInAt)
                || user.claims().string("sid").map(sid -> endedAfter(key(Kind.SID, sid), signedInAt)).orElse(false);
    }

    /**
     * Whether any logout is known on this node, after reading the other nodes' when a look is due at
     * {@code nowMillis} (the request's one reading of the clock). When none is, no session has ended and
     * {@link #isEnded} need not be asked: this is what a signed-in request costs while nobody was signed out.
     */
    public boolean anyKnown(long nowMillis) {
        lookAtSharedRecordsIfDue(nowMillis);
        return !ended.isEmpty();
    }

    private boolean endedAfter(String key, Instant signedInAt) {
        Instant at = ended.get(key);
        return at != null && !at.isBefore(signedInAt);
    }

    private void lookAtSharedRecordsIfDue(long nowMillis) {
        if (nowMillis < nextLookMillis) {
            return; // asked on every signed-in request: no Instant made until a look may be due
        }
        Instant now = clock.instant();
        if (now.isBefore(nextLook)) {
            return;
        }
        synchronized (this) {
            if (now.isBefore(nextLook)) {
                return;
            }
            nextLook = now.plus(interval);
            nextLookMillis = nextLook.toEpochMilli();
            // overlap the previous look by one interval: a record written by a node with a slightly late clock,
            // or committed just after that look, is still seen
            Instant from = lastLook.minus(interval);
            try {
                List<LogoutRecord> records = shared.since(from, MAX_READ);
                records.forEach(this::rememberLocally);
                lastLook = records.size() >= MAX_READ ? records.get(records.size() - 1).endedAt() : now;
                Instant cutoff = now.minus(RETENTION);
                ended.values().removeIf(at -> at.isBefore(cutoff));
                if (!now.isBefore(nextPurge)) { // the shared table at most hourly per node: one DELETE, not one per look
                    nextPurge = now.plus(Duration.ofHours(1));
                    shared.removeBefore(cutoff);
                }
            } catch (LogoutRecords.LogoutStoreException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot read back-channel logouts of other nodes ({0}); "
                        + "trying again in {1}", e.getMessage(), interval);
            }
        }
    }

    private void rememberLocally(LogoutRecord record) {
        ended.merge(key(record.kind(), record.value()), record.endedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    private static String key(Kind kind, String value) {
        return kind.name() + ":" + value;
    }
}
