package dev.imsauth.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs listeners that throw: the first failure of each listener class at once, then at most one line per
 * {@link #QUIET} with the number of failures left unlogged, so a broken listener cannot flood the log. Only the
 * exception's class is logged, never its message (it is the application's text).
 */
final class ListenerFailures {
    static final Duration QUIET = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(ImsAuthEvents.class.getName());
    private final Clock clock;
    private final ConcurrentMap<String, Record> records = new ConcurrentHashMap<>();

    ListenerFailures(Clock clock) {
        this.clock = clock;
    }

    void failed(ImsAuthEventListener listener, ImsAuthEvent.Type type, Throwable failure) {
        String name = listener.getClass().getName();
        Instant now = clock.instant();
        Record record = records.computeIfAbsent(name, n -> new Record());
        long unlogged;
        synchronized (record) {
            if (record.lastLogged != null && now.isBefore(record.lastLogged.plus(QUIET))) {
                record.suppressed.incrementAndGet();
                return;
            }
            record.lastLogged = now;
            unlogged = record.suppressed.getAndSet(0);
        }
        LOG.log(System.Logger.Level.WARNING, "The ims-auth event listener {0} threw {1} on {2}; the sign-in goes on. "
                + "{3} more failures of it since the last report; the next report comes {4} at the earliest",
                name, failure.getClass().getName(), type, unlogged, QUIET);
    }

    private static final class Record {
        private final AtomicLong suppressed = new AtomicLong();
        private Instant lastLogged;
    }
}
