package dev.imsauth.event.jmx;

import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEventListener;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A listener that counts events by type and reason; the MBean's data. The reasons are the library's own stable
 * codes, so the number of counters stays small (a reason longer than 64 characters counts as {@code other}).
 */
public final class EventCounters implements ImsAuthEventListener, ImsAuthMXBean {
    private static final int MAX_REASON = 64;
    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void onEvent(ImsAuthEvent event) {
        counts.computeIfAbsent(key(event.type().name(), event.reason()), k -> new LongAdder()).increment();
    }

    @Override
    public Map<String, Long> getCounts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public long getSignIns() {
        return total(ImsAuthEvent.Type.SIGNED_IN);
    }

    @Override
    public long getCallbacksRejected() {
        return total(ImsAuthEvent.Type.CALLBACK_REJECTED);
    }

    @Override
    public long getRefreshes() {
        return total(ImsAuthEvent.Type.REFRESHED);
    }

    @Override
    public long getRefreshFailures() {
        return total(ImsAuthEvent.Type.REFRESH_FAILED);
    }

    @Override
    public long getSignOuts() {
        return total(ImsAuthEvent.Type.SIGNED_OUT_LOCAL) + total(ImsAuthEvent.Type.SIGNED_OUT_PROVIDER)
                + total(ImsAuthEvent.Type.SIGNED_OUT_BACK_CHANNEL);
    }

    @Override
    public long getServiceTokenFailures() {
        return total(ImsAuthEvent.Type.SERVICE_TOKEN_FAILED);
    }

    @Override
    public long count(String type, String reason) {
        LongAdder n = counts.get(key(type, reason));
        return n == null ? 0 : n.sum();
    }

    private long total(ImsAuthEvent.Type type) {
        String prefix = type.name().toLowerCase(Locale.ROOT) + "/";
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(e -> e.getValue().sum()).sum();
    }

    private static String key(String type, String reason) {
        String r = reason == null || reason.length() > MAX_REASON ? "other" : reason;
        return type.toLowerCase(Locale.ROOT) + "/" + r.toLowerCase(Locale.ROOT);
    }
}
