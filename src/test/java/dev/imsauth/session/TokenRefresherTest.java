package dev.imsauth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.hardening.Catalogue;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenRefresher} without a container, as the CDI token bean or the security mechanism would use it:
 * a user signed in through the real flow is put into an in-memory {@link UserSlot}.
 */
class TokenRefresherTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static SignInFixture f;
    private TokenRefresher refresher;
    private MemorySlot slot;

    @BeforeAll
    static void start() {
        f = SignInFixture.publicClient();
        f.op.setAccessTokenLifetime(LIFETIME);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void signIn() {
        f.op.faults().reset();
        f.clock.set(Instant.now());
        BrowserlessClient browser = new BrowserlessClient();
        browser.signIn(f.url("/protected/"));
        slot = new MemorySlot(f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow());
        refresher = new TokenRefresher(f.client);
        f.op.clearRequests();
    }

    @Test
    void fiftyThreadsOnOneExpiringSlotShareOneRefresh() throws Exception {
        f.clock.advance(LIFETIME);
        f.op.faults().tokenDelay(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<SignedInUser>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return refresher.current(slot);
                }));
            }
            go.countDown();
            for (Future<Optional<SignedInUser>> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS).orElseThrow().tokens().accessToken())
                        .isEqualTo(slot.read().orElseThrow().tokens().accessToken());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(refresher.refreshesInFlight()).isZero();
    }

    @Test
    void aCallerWithAStaleReadUsesTheNewerTokensInsteadOfSpendingTheOldRefreshToken() {
        f.clock.advance(LIFETIME);
        SignedInUser old = slot.read().orElseThrow();
        SignedInUser fresh = refresher.current(slot).orElseThrow();
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);

        // a replica that still serves the old generation on the first read, then the current one
        MemorySlot lagging = new MemorySlot(fresh) {
            private boolean first = true;

            @Override
            public Optional<SignedInUser> read() {
                if (first) {
                    first = false;
                    return Optional.of(old);
                }
                return super.read();
            }
        };
        assertThat(refresher.current(lagging).orElseThrow().tokens().accessToken()).isEqualTo(fresh.tokens().accessToken());
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
    }

    @Test
    void aSignOutDuringTheRefreshIsNotUndone() {
        f.clock.advance(LIFETIME);
        // the user signs out (another request) right after the refresher's last look and before its write
        MemorySlot signingOut = new MemorySlot(slot.read().orElseThrow()) {
            private int reads;

            @Override
            public Optional<SignedInUser> read() {
                Optional<SignedInUser> seen = super.read();
                if (++reads == 2) {
                    set(null);
                }
                return seen;
            }
        };

        refresher.current(signingOut);

        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
        assertThat(signingOut.read()).isEmpty();
    }

    @Test
    void withoutARefreshTokenTheUserIsSignedOutOnceTheTokenExpires() {
        SignedInUser user = slot.read().orElseThrow();
        TokenSet t = user.tokens();
        slot.set(new SignedInUser(user.claims(), new TokenSet(t.accessToken(), null, t.idToken().orElse(null),
                t.expiresAt(), t.scopes())));

        f.clock.advance(LIFETIME.minusSeconds(30));
        assertThat(refresher.current(slot)).isPresent();
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(refresher.current(slot)).isEmpty();
        assertThat(slot.read()).isEmpty();
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    void theTokenSourceRenewsAfterAnApiRejectedTheToken() {
        AccessTokenSource source = refresher.tokenSource(slot);
        String first = source.accessToken();
        assertThat(f.op.tokenCalls()).isZero();

        String second = source.refreshedAccessToken(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(source.refreshedAccessToken(first)).isEqualTo(second);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);

        f.op.faults().rejectRefreshTokens(true);
        assertThatThrownBy(() -> source.refreshedAccessToken(second))
                .isInstanceOfSatisfying(ImsAuthException.class, e -> {
                    assertThat(e.reason()).isEqualTo("sign_in_required");
                    assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION_FAILED);
                });
    }

    @Catalogue("G03")
    @Test
    void aRefreshTheProviderRefusesBecauseAnotherNodeSpentTheTokenKeepsTheUserAndWritesNothing() {
        SignedInUser old = slot.read().orElseThrow();
        CountingSlot copyOnB = new CountingSlot(old); // the other node's copy of the same session
        TokenRefresher nodeB = new TokenRefresher(f.client);
        f.clock.advance(LIFETIME.minusSeconds(30));
        SignedInUser fresh = refresher.current(slot).orElseThrow();

        assertThat(nodeB.current(copyOnB)).contains(old);
        assertThat(nodeB.current(copyOnB)).as("refused once, not tried again").contains(old);
        assertThat(copyOnB.writes).as("nothing written over what node A stores").isZero();
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);

        copyOnB.set(fresh); // node A's tokens reach node B's copy (replication, or the next read of the store)
        assertThat(nodeB.current(copyOnB)).contains(fresh);
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(nodeB.current(copyOnB)).contains(fresh);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
    }

    @Catalogue("G03")
    @Test
    void aRefusedRefreshReadsTheSlotAgainAndUsesTheTokensAnotherNodeStoredMeanwhile() {
        SignedInUser old = slot.read().orElseThrow();
        f.clock.advance(LIFETIME.minusSeconds(30));
        SignedInUser fresh = refresher.current(slot).orElseThrow();
        // node B's copy still holds the old tokens when it decides to refresh; node A's arrive during its call
        CountingSlot copyOnB = new CountingSlot(old) {
            private int reads;

            @Override
            public Optional<SignedInUser> read() {
                return ++reads > 2 ? Optional.of(fresh) : super.read();
            }
        };

        assertThat(new TokenRefresher(f.client).current(copyOnB)).contains(fresh);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
    }

    @Catalogue("G03")
    @Test
    void justAfterExpiryARefusedRefreshAnswersTryAgainUntilTheOtherNodesTokensArrive() {
        SignedInUser old = slot.read().orElseThrow();
        CountingSlot copyOnB = new CountingSlot(old);
        TokenRefresher nodeB = new TokenRefresher(f.client);
        f.clock.advance(LIFETIME.plusSeconds(1));
        SignedInUser fresh = refresher.current(slot).orElseThrow();

        assertThatThrownBy(() -> nodeB.current(copyOnB)).isInstanceOfSatisfying(ImsAuthException.class, e -> {
            assertThat(e.reason()).isEqualTo("refresh_unavailable");
            assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
        });
        assertThat(copyOnB.read()).contains(old);
        assertThat(copyOnB.writes).isZero();
        copyOnB.set(fresh);
        assertThat(nodeB.current(copyOnB)).contains(fresh);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
    }

    @Catalogue("G03")
    @Test
    void aRefusalIsFinalOnceTheAccessTokenHasBeenExpiredForTheRefreshMargin() {
        f.op.faults().rejectRefreshTokens(true);
        f.clock.advance(LIFETIME.minusSeconds(30));
        assertThat(refresher.current(slot)).as("still valid: kept").isPresent();
        f.clock.advance(Duration.ofSeconds(30).plus(f.client.provider().refreshMargin()));

        assertThat(refresher.current(slot)).isEmpty();
        assertThat(slot.read()).isEmpty();
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(2);
    }

    /** The documented limit: a provider with reuse detection revokes what node A got when node B reuses the token. */
    @Test
    void withAProviderThatRevokesTheWholeSignInOnReuseTheRaceEndsTheSignInAtTheNextRefresh() {
        f.op.faults().revokeFamilyOnReuse(true);
        SignedInUser old = slot.read().orElseThrow();
        CountingSlot copyOnB = new CountingSlot(old);
        TokenRefresher nodeB = new TokenRefresher(f.client);
        f.clock.advance(LIFETIME.minusSeconds(30));
        SignedInUser fresh = refresher.current(slot).orElseThrow();

        assertThat(nodeB.current(copyOnB)).as("not signed out by the race itself").contains(old);
        assertThat(f.op.isRefreshTokenActive(fresh.tokens().refreshToken().orElseThrow())).isFalse();
        copyOnB.set(fresh);
        assertThat(nodeB.current(copyOnB)).contains(fresh);

        f.clock.advance(LIFETIME.plus(f.client.provider().refreshMargin()));
        assertThat(refresher.current(slot)).as("the next refresh is refused: sign in again").isEmpty();
    }

    @Catalogue("G07")
    @Test
    void aRequestWithAnOlderCopyOfTheSessionGetsTheNewTokensWithoutARefreshAndStoresThem() {
        SignedInUser old = slot.read().orElseThrow();
        f.clock.advance(LIFETIME.minusSeconds(30));
        SignedInUser fresh = refresher.current(slot).orElseThrow();
        // a container that loads one copy of the session per request: this one was loaded before the refresh
        CountingSlot olderCopy = new CountingSlot(old);

        assertThat(refresher.current(olderCopy)).contains(fresh);
        assertThat(olderCopy.read()).as("written back, so this request's copy stores them too").contains(fresh);
        assertThat(f.op.tokenCalls("refresh_token")).isEqualTo(1);
    }

    /** A slot that counts its writes. */
    static class CountingSlot extends MemorySlot {
        int writes;

        CountingSlot(SignedInUser user) {
            super(user);
        }

        @Override
        public synchronized boolean replace(SignedInUser expected, SignedInUser updated) {
            boolean replaced = super.replace(expected, updated);
            writes += replaced ? 1 : 0;
            return replaced;
        }

        @Override
        public synchronized void clear(SignedInUser expected) {
            writes++;
            super.clear(expected);
        }
    }

    /** A slot in memory, as a session-scoped bean would hold it. */
    static class MemorySlot implements UserSlot {
        private final AtomicReference<SignedInUser> user;

        MemorySlot(SignedInUser user) {
            this.user = new AtomicReference<>(user);
        }

        void set(SignedInUser u) {
            user.set(u);
        }

        @Override
        public Optional<SignedInUser> read() {
            return Optional.ofNullable(user.get());
        }

        @Override
        public synchronized boolean replace(SignedInUser expected, SignedInUser updated) {
            SignedInUser current = user.get();
            if (current != null && UserSlot.sameTokens(current, expected)) {
                user.set(updated);
                return true;
            }
            return false;
        }

        @Override
        public synchronized void clear(SignedInUser expected) {
            SignedInUser current = user.get();
            if (current != null && UserSlot.sameTokens(current, expected)) {
                user.set(null);
            }
        }
    }
}
