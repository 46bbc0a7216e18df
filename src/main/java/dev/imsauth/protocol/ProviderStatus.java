package dev.imsauth.protocol;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * What this application last saw of the provider: when discovery, the JWKS fetch and the token refresh last
 * succeeded and last failed, with the failure's stable reason code (never a message, token or URL with a
 * query). One per {@link OidcClient}; the protocol classes record into it and a health check reads a
 * {@link Snapshot}. Thread-safe, lock-free.
 */
public final class ProviderStatus {
    private final AtomicReference<Outcome> discovery = new AtomicReference<>(Outcome.NONE);
    private final AtomicReference<Outcome> jwks = new AtomicReference<>(Outcome.NONE);
    private final AtomicReference<Outcome> refresh = new AtomicReference<>(Outcome.NONE);

    void discoverySucceeded(Instant at) {
        discovery.updateAndGet(succeeded(at));
    }

    void discoveryFailed(Instant at, String reason) {
        discovery.updateAndGet(failed(at, reason));
    }

    void jwksSucceeded(Instant at) {
        jwks.updateAndGet(succeeded(at));
    }

    void jwksFailed(Instant at, String reason) {
        jwks.updateAndGet(failed(at, reason));
    }

    void refreshSucceeded(Instant at) {
        refresh.updateAndGet(succeeded(at));
    }

    /** A refresh the provider failed (unreachable, 5xx, garbage); a refused refresh token is the user's, not counted. */
    void refreshFailed(Instant at, String reason) {
        refresh.updateAndGet(failed(at, reason));
    }

    /** The current state, consistent per part. */
    public Snapshot snapshot() {
        return new Snapshot(discovery.get(), jwks.get(), refresh.get());
    }

    private static UnaryOperator<Outcome> succeeded(Instant at) {
        return o -> new Outcome(Optional.of(at), o.lastFailure(), o.lastReason(), 0);
    }

    private static UnaryOperator<Outcome> failed(Instant at, String reason) {
        return o -> new Outcome(o.lastSuccess(), Optional.of(at), Optional.of(reason),
                (int) Math.min(Integer.MAX_VALUE, o.failuresSinceSuccess() + 1L));
    }

    /**
     * One part's history.
     *
     * @param lastSuccess          when it last worked
     * @param lastFailure          when it last failed
     * @param lastReason           the stable reason code of the last failure
     * @param failuresSinceSuccess failures since it last worked (0 once it works again)
     */
    public record Outcome(Optional<Instant> lastSuccess, Optional<Instant> lastFailure, Optional<String> lastReason,
                          int failuresSinceSuccess) {
        static final Outcome NONE = new Outcome(Optional.empty(), Optional.empty(), Optional.empty(), 0);

        /** True when it has failed and not worked since. */
        public boolean failing() {
            return failuresSinceSuccess > 0;
        }

        /** True when it worked at least once and has not failed since. */
        public boolean working() {
            return lastSuccess.isPresent() && !failing();
        }
    }

    /**
     * The provider as last seen.
     *
     * @param discovery the discovery document (and the readiness probe, which re-reads it)
     * @param jwks      the signing keys (fetched on the first sign-in, then on rotation)
     * @param refresh   token refreshes, counting only the provider's faults
     */
    public record Snapshot(Outcome discovery, Outcome jwks, Outcome refresh) {
        /** Discovery works and neither the keys nor refreshes are failing now. */
        public boolean usable() {
            return discovery.working() && !jwks.failing() && !refresh.failing();
        }
    }
}
