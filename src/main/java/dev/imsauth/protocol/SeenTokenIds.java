package dev.imsauth.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jti}s of logout tokens accepted on this node, each kept until the token could no longer pass
 * the age check, so that a replayed token is refused. Bounded: when full of unexpired entries a new token is
 * refused rather than an old entry forgotten (only tokens with a valid provider signature get here, so only
 * the provider could fill it).
 */
final class SeenTokenIds {
    static final int MAX_ENTRIES = 10_000;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private final Clock clock;

    SeenTokenIds(Clock clock) {
        this.clock = clock;
    }

    /** Records the jti; false when it was seen before (a replay) or the record is full. */
    synchronized boolean firstUse(String jti, Instant forgetAfter) {
        Instant now = clock.instant();
        if (seen.size() >= MAX_ENTRIES) {
            Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue().isBefore(now)) {
                    it.remove();
                }
            }
        }
        Instant known = seen.get(jti);
        if (known != null && !known.isBefore(now)) {
            return false;
        }
        if (seen.size() >= MAX_ENTRIES) {
            return false;
        }
        seen.put(jti, forgetAfter);
        return true;
    }
}
