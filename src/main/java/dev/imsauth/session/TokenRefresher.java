package dev.imsauth.session;

import dev.imsauth.event.ImsAuthEvents;
import dev.imsauth.event.Timing;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.IdTokenInvalidException;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.ProviderException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenRejectedException;
import dev.imsauth.protocol.UserInfoException;
import dev.imsauth.protocol.OpaqueValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps a signed-in user's tokens usable: refreshes with the refresh token once the access token is within
 * {@code ims.refresh-margin} of expiring, and after an API rejected it. Container-free; the filter, the
 * Jakarta Security mechanism and the token bean share one instance per application, each passing the
 * {@link UserSlot} of the current user.
 *
 * <p><b>One refresh per sign-in at a time on this node.</b> Refreshes are keyed by a hash of the refresh
 * token, which is the same for every request of one session, whatever session facade or copy the container
 * hands out. The first caller refreshes; concurrent callers wait for and reuse its result, and for
 * {@code ims.refresh-margin} afterwards a caller that still brings the spent refresh token gets the same
 * result ({@link RecentRefreshes}) and writes the newer tokens into its own slot. A caller that arrives
 * after a refresh finished and sees newer tokens in the slot uses them; so a rotated refresh token is
 * spent at most once per node.
 *
 * <p><b>Across nodes.</b> Two nodes may spend the same refresh token at the same moment; with one-time
 * refresh tokens the provider then answers the second with {@code invalid_grant}. So a refused refresh
 * reads the slot again (the other node's tokens may have arrived) and else writes nothing: the current
 * access token stays in use while it is valid, and in the refresh margin after it expired requests get a
 * 503 "try again" (kind {@link Failure#PROVIDER_UNAVAILABLE}); meanwhile the other node's new tokens reach
 * the session. The user is signed out when the refusal comes later than that, or after an API rejected
 * the access token. docs/clustering.md states the guarantee and its limits.
 *
 * <p><b>Failures.</b> A refreshed ID token that names another sub, iss or aud (or a nonce other than the
 * sign-in's), and a userinfo answer about another subject, sign the user out at once: the slot is cleared and
 * the result is empty. A provider fault
 * (5xx, timeout, unreachable) changes nothing: the current tokens stay in use while the access token
 * has not expired; after that a {@link ProviderException} of kind {@link Failure#PROVIDER_UNAVAILABLE} (503)
 * is thrown. The slot only ever holds a complete, verified generation of tokens.
 *
 * <p><b>Cool-down.</b> After a failed refresh the slot's tokens are marked (a copy written back with
 * {@code setAttribute}, so it replicates) not to be refreshed again for {@link ProviderBounds#FAILURE_COOL_DOWN},
 * or as long as the provider's {@code Retry-After} asks (at most {@link ProviderBounds#MAX_RETRY_AFTER}): at
 * most one attempt per session per interval, however many requests arrive. Meanwhile the rules above apply
 * without calling the provider.
 */
public final class TokenRefresher {
    private static final System.Logger LOG = System.getLogger(TokenRefresher.class.getName());
    private final OidcClient client;
    private final Clock clock;
    private final Duration margin;
    private final Duration waitLimit;
    private final RecentRefreshes recent = new RecentRefreshes();
    private final ImsAuthEvents events;

    public TokenRefresher(OidcClient client) {
        this(client, ImsAuthEvents.none());
    }

    /** A refresher that reports each refresh it makes to {@code events} ({@code REFRESHED}, {@code REFRESH_FAILED}). */
    public TokenRefresher(OidcClient client, ImsAuthEvents events) {
        this.client = client;
        this.events = events;
        this.clock = client.clock();
        this.margin = client.provider().refreshMargin();
        // discovery, the token call and a JWKS fetch are each bounded by the read timeout
        this.waitLimit = client.provider().readTimeout().multipliedBy(3).plusSeconds(1);
    }

    /**
     * The user in the slot with tokens fresh enough to use, refreshing first when needed; empty when nobody
     * is signed in or the sign-in could not be renewed (then the slot is cleared). After a refused refresh
     * the current tokens are returned until the access token expires (see the class comment).
     *
     * @throws ProviderException (503 kind) when the provider failed and the access token has expired, or the
     *                           refresh was refused and the access token expired less than the margin ago
     */
    public Optional<SignedInUser> current(UserSlot slot) {
        Optional<SignedInUser> stored = slot.read();
        if (stored.isEmpty() || !stored.get().tokens().needsRefresh(clock.instant(), margin)) {
            return stored;
        }
        return renew(slot, stored.get(), true);
    }

    /**
     * True when this user's access token is not yet within the refresh margin of expiring at {@code nowMillis} (the
     * request's one reading of the client's clock): nothing to do.
     */
    public boolean isFresh(SignedInUser user, long nowMillis) {
        return !user.tokens().needsRefresh(nowMillis, margin);
    }

    /**
     * The user after an API answered 401 to {@code rejectedAccessToken}: refreshed when the slot still holds
     * that token, else whatever newer generation the slot holds (another request renewed it already).
     */
    public Optional<SignedInUser> afterRejection(UserSlot slot, String rejectedAccessToken) {
        Optional<SignedInUser> stored = slot.read();
        if (stored.isEmpty() || !stored.get().tokens().accessToken().equals(rejectedAccessToken)) {
            return stored.isEmpty() ? stored : current(slot);
        }
        return renew(slot, stored.get(), false);
    }

    /** The slot's user as a token source for API clients; throws {@code sign_in_required} (401 kind) without one. */
    public AccessTokenSource tokenSource(UserSlot slot) {
        return new AccessTokenSource() {
            @Override
            public String accessToken() {
                return signedIn(current(slot)).tokens().accessToken();
            }

            @Override
            public String refreshedAccessToken(String rejected) {
                return signedIn(afterRejection(slot, rejected)).tokens().accessToken();
            }
        };
    }

    /** How many refreshes are under way right now (for tests and monitoring). */
    public int refreshesInFlight() {
        return recent.underWay();
    }

    private Optional<SignedInUser> renew(UserSlot slot, SignedInUser seen, boolean tokenAccepted) {
        if (seen.tokens().refreshPausedAt(clock.instant()).isPresent()) {
            return fallback(seen, unavailable(null)); // a cool-down after a failed refresh: no provider call
        }
        if (seen.tokens().refreshToken().isEmpty()) {
            if (expired(seen)) {
                slot.clear(seen);
                LOG.log(System.Logger.Level.DEBUG, "The access token expired and there is no refresh token; "
                        + "subject {0} must sign in again", seen.claims().subject());
                return Optional.empty();
            }
            return Optional.of(seen);
        }
        String key = key(seen.tokens().refreshToken().get());
        RecentRefreshes.Claim claim = recent.claim(key, seen, clock.instant());
        if (!claim.leading()) {
            return await(slot, seen, claim, tokenAccepted);
        }
        RecentRefreshes.Outcome outcome;
        try {
            outcome = lead(slot, seen);
        } catch (RuntimeException e) {
            ImsAuthException failure = e instanceof ImsAuthException ims ? ims : new ProviderException(
                    Failure.PROVIDER_ERROR, "refresh_failed", "Refreshing the tokens failed unexpectedly", null);
            recent.fail(key, claim, failure);
            Duration coolDown = ProviderBounds.coolDown(failure instanceof ProviderException p ? p.retryAfter() : Optional.empty());
            slot.replace(seen, new SignedInUser(seen.claims(),
                    seen.tokens().pauseRefreshUntil(ProviderBounds.plus(clock.instant(), coolDown))));
            if (e == failure) {
                client.warnings().warn(LOG, "refresh:" + failure.reason() + ":" + e.getMessage(), "Refreshing the "
                        + "tokens of subject {0} failed: {1}; no new attempt for {2}", seen.claims().subject(),
                        e.getMessage(), coolDown);
            } else {
                LOG.log(System.Logger.Level.ERROR, "Refreshing the tokens of subject {0} failed: {1}; no new attempt "
                        + "for {2}", seen.claims().subject(), e.getClass().getName(), coolDown);
            }
            return fallback(seen, failure);
        }
        Instant now = clock.instant();
        Instant keepUntil = outcome.refused() ? latest(now, seen.tokens().expiresAt()).plus(margin) : now.plus(margin);
        recent.finish(key, claim, outcome, now, keepUntil);
        return settle(slot, seen, outcome, tokenAccepted);
    }

    /** Refreshes as the one caller for this sign-in on this node. */
    private RecentRefreshes.Outcome lead(UserSlot slot, SignedInUser seen) {
        Optional<SignedInUser> now = slot.read();
        if (now.isEmpty()) {
            return RecentRefreshes.Outcome.SIGNED_OUT;
        }
        if (!UserSlot.sameTokens(now.get(), seen)) {
            return new RecentRefreshes.Outcome(now.get(), false); // a refresh finished between our read and our turn
        }
        Timing timing = events.begin(ImsAuthEvents.Step.REFRESH);
        try {
            SignedInUser fresh = client.refresh(seen);
            slot.replace(seen, fresh);
            events.refreshed(timing, fresh.claims().subject(), slot.sessionIdHash());
            LOG.log(System.Logger.Level.DEBUG, "Refreshed the tokens of subject {0}; the access token now expires at {1}",
                    fresh.claims().subject(), fresh.tokens().expiresAt());
            return new RecentRefreshes.Outcome(fresh, false);
        } catch (TokenRejectedException e) {
            events.refreshFailed(timing, seen.claims().subject(), slot.sessionIdHash(), e.reason());
            // with one-time refresh tokens, another node may have spent this one and stored newer tokens
            Optional<SignedInUser> again = slot.read();
            if (again.isPresent() && !UserSlot.sameTokens(again.get(), seen)) {
                return new RecentRefreshes.Outcome(again.get(), false);
            }
            LOG.log(System.Logger.Level.WARNING, "Refresh rejected ({0}): {1}; subject {2} keeps the current access "
                    + "token until it expires at {3}, then must sign in again", e.reason(), e.getMessage(),
                    seen.claims().subject(), seen.tokens().expiresAt());
            return RecentRefreshes.Outcome.REFUSED;
        } catch (IdTokenInvalidException | UserInfoException e) {
            events.refreshFailed(timing, seen.claims().subject(), slot.sessionIdHash(), e.reason());
            slot.clear(seen);
            LOG.log(System.Logger.Level.WARNING, "Refresh rejected ({0}): {1}; subject {2} must sign in again",
                    e.reason(), e.getMessage(), seen.claims().subject());
            return RecentRefreshes.Outcome.SIGNED_OUT;
        } catch (RuntimeException e) {
            events.refreshFailed(timing, seen.claims().subject(), slot.sessionIdHash(),
                    ImsAuthException.reasonOf(e));
            throw e;
        }
    }

    /**
     * What a caller that saw {@code seen} gets from an outcome. Newer tokens are written into the caller's
     * slot too (a no-op when it is the slot the leader wrote), so that a container that keeps one copy of
     * the session per request stores them from every request. A refused refresh token leaves the slot
     * untouched while the access token is still valid and accepted: writing would overwrite the newer
     * tokens another node may be storing; after that the user is signed out.
     */
    private Optional<SignedInUser> settle(UserSlot slot, SignedInUser seen, RecentRefreshes.Outcome outcome,
                                          boolean tokenAccepted) {
        if (outcome.user() != null) {
            if (!UserSlot.sameTokens(outcome.user(), seen)) {
                slot.replace(seen, outcome.user());
            }
            return Optional.of(outcome.user());
        }
        if (outcome.refused() && tokenAccepted && !refusalFinal(seen)) {
            if (expired(seen)) {
                throw unavailable(null); // expired a moment ago: the next request may find the other node's tokens
            }
            return Optional.of(seen);
        }
        if (outcome.refused()) {
            slot.clear(seen);
        }
        return Optional.empty();
    }

    private Optional<SignedInUser> await(UserSlot slot, SignedInUser seen, RecentRefreshes.Claim running,
                                         boolean tokenAccepted) {
        try {
            return settle(slot, seen, running.outcome().get(waitLimit.toMillis(), TimeUnit.MILLISECONDS), tokenAccepted);
        } catch (ExecutionException e) {
            return fallback(seen, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        } catch (TimeoutException e) {
            return fallback(seen, unavailable(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback(seen, unavailable(null));
        }
    }

    /** After a provider fault: keep using a still-valid token, else 503. */
    private Optional<SignedInUser> fallback(SignedInUser seen, RuntimeException e) {
        if (!(e instanceof ImsAuthException ims)) {
            throw e;
        }
        if (!expired(seen)) {
            return Optional.of(seen);
        }
        throw unavailable(ims);
    }

    /** A refusal is final once the access token has been expired for the refresh margin: no other node's refresh is coming. */
    private boolean refusalFinal(SignedInUser seen) {
        return !clock.instant().isBefore(seen.tokens().expiresAt().plus(margin));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private boolean expired(SignedInUser user) {
        return !clock.instant().isBefore(user.tokens().expiresAt());
    }

    private static ProviderException unavailable(ImsAuthException cause) {
        return new ProviderException(Failure.PROVIDER_UNAVAILABLE, "refresh_unavailable",
                "Your session could not be renewed because the identity provider is not available right now; "
                        + "please try again in a moment", cause);
    }

    private static SignedInUser signedIn(Optional<SignedInUser> user) {
        return user.orElseThrow(() -> new ImsAuthException(Failure.AUTHENTICATION_FAILED, "sign_in_required",
                "No user is signed in, or the sign-in has ended; sign in again"));
    }

    /** A stable, non-reversible key for one sign-in's refresh token. */
    private static String key(String refreshToken) {
        return OpaqueValues.sha256(refreshToken);
    }
}
