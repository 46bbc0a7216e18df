package dev.imsauth.session;

import dev.imsauth.protocol.SignedInUser;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's refreshes, under way and just finished, keyed by a hash of the refresh token they spend.
 * A caller that brings a refresh token already spent here, while the outcome is kept, gets that outcome
 * instead of spending the token again: requests that read the session before the refresh was stored
 * (another request's copy of the session, a session manager that loads the session once per request)
 * then carry the new tokens too, and a refresh the provider refused is not tried again. Completed
 * outcomes are kept until a given instant (a short time) and at most {@link #MAX_KEPT} of them; refreshes
 * under way are never dropped, so one sign-in never has two of them on this node. Node-local by design:
 * nothing here is needed for correctness on another node.
 */
final class RecentRefreshes {
    /** Completed outcomes kept at most; beyond it an outcome is dropped as soon as its callers have it. */
    static final int MAX_KEPT = 10_000;

    /**
     * What a refresh came to: {@code user} the generation to use (new, or a newer one found in the slot),
     * {@code refused} when the provider refused the refresh token and nothing newer was found; neither
     * when the slot was emptied (signed out).
     */
    record Outcome(SignedInUser user, boolean refused) {
        static final Outcome SIGNED_OUT = new Outcome(null, false);
        static final Outcome REFUSED = new Outcome(null, true);
    }

    /** A caller's share of a refresh: {@code leading} when this caller must do it and then {@link #finish}. */
    record Claim(CompletableFuture<Outcome> outcome, boolean leading) {
    }

    private static final class Entry {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        volatile Instant keptUntil; // null while under way

        boolean answers(SignedInUser seen, Instant now) {
            if (!outcome.isDone()) {
                return true;
            }
            if (outcome.isCompletedExceptionally()) {
                return false;
            }
            Outcome done = outcome.getNow(null);
            return keptUntil != null && now.isBefore(keptUntil) && done != null
                    // an outcome that is the caller's own generation (no new refresh token issued) is no answer
                    && (done.user() == null || !UserSlot.sameTokens(done.user(), seen));
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Joins the refresh for {@code key} under way or kept, or makes the caller its leader. */
    Claim claim(String key, SignedInUser seen, Instant now) {
        Entry mine = new Entry();
        Entry entry = entries.compute(key, (k, old) -> old != null && old.answers(seen, now) ? old : mine);
        return new Claim(entry.outcome, entry == mine);
    }

    /** The leader's result: completes the claim and keeps the outcome until {@code keepUntil}. */
    void finish(String key, Claim claim, Outcome outcome, Instant now, Instant keepUntil) {
        entries.forEach((k, e) -> {
            if (e.keptUntil != null && !now.isBefore(e.keptUntil)) {
                entries.remove(k, e);
            }
        });
        Entry entry = entries.get(key);
        if (entry != null && entry.outcome == claim.outcome() && entries.size() <= MAX_KEPT && now.isBefore(keepUntil)) {
            entry.keptUntil = keepUntil;
        } else {
            entries.computeIfPresent(key, (k, e) -> e.outcome == claim.outcome() ? null : e);
        }
        claim.outcome().complete(outcome);
    }

    /** The leader failed (provider fault): waiters get the exception, and the next caller tries again. */
    void fail(String key, Claim claim, RuntimeException failure) {
        entries.computeIfPresent(key, (k, e) -> e.outcome == claim.outcome() ? null : e);
        claim.outcome().completeExceptionally(failure);
    }

    /** Refreshes under way now. */
    int underWay() {
        return (int) entries.values().stream().filter(e -> !e.outcome.isDone()).count();
    }
}
