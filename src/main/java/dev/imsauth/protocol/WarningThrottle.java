package dev.imsauth.protocol;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a flood of identical warnings (the same rejected-callback reason, the same provider fault) from filling
 * the log: the first one of a kind is logged as it is; the next ones within {@code ims.warning-interval} are
 * only counted, and the first one after the interval is logged with that count ("… and 41 more like it since
 * …"), starting the next interval. So a kind is logged at most once per interval plus its first time, and no
 * count is lost. Summaries are written when the next warning of the kind arrives (no timer thread). One
 * instance per {@link OidcClient}; at most {@value #MAX_KINDS} kinds are tracked, beyond that warnings are
 * logged unthrottled.
 */
public final class WarningThrottle {
    static final int MAX_KINDS = 256;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Window> windows = new HashMap<>();

    public WarningThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Logs a warning of this {@code kind} (e.g. {@code "callback:state_mismatch"}), or counts it when one of the
     * same kind was logged less than an interval ago.
     *
     * @param format a {@link MessageFormat} pattern, as for {@link System.Logger#log(System.Logger.Level, String, Object...)}
     */
    public void warn(System.Logger log, String kind, String format, Object... arguments) {
        Instant now = clock.instant();
        long suppressed;
        Instant since;
        synchronized (this) {
            Window w = windows.get(kind);
            if (w != null && now.isBefore(ProviderBounds.plus(w.start, interval))) {
                w.suppressed++;
                return;
            }
            if (w == null && windows.size() >= MAX_KINDS) {
                windows.values().removeIf(old -> !now.isBefore(ProviderBounds.plus(old.start, interval)));
            }
            suppressed = w == null ? 0 : w.suppressed;
            since = w == null ? now : w.start;
            if (w != null || windows.size() < MAX_KINDS) {
                windows.put(kind, new Window(now));
            }
        }
        if (suppressed == 0) {
            log.log(System.Logger.Level.WARNING, format, arguments);
        } else {
            log.log(System.Logger.Level.WARNING, "{0} (and {1} more like it since {2}; repeated warnings are summed "
                    + "up once per {3})", new MessageFormat(format).format(arguments), suppressed, since, interval);
        }
    }

    private static final class Window {
        private final Instant start;
        private long suppressed;

        Window(Instant start) {
            this.start = start;
        }
    }
}
