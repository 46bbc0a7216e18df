package dev.imsauth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.LogoutNotice;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import dev.imsauth.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two nodes sharing one {@link LogoutRecords}: a logout applies at once where it arrived, elsewhere within the interval. */
class BackChannelLogoutsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock();
    private final LogoutRecords shared = new InMemoryLogoutRecords();
    private final BackChannelLogouts nodeA = new BackChannelLogouts(shared, clock, INTERVAL);
    private final BackChannelLogouts nodeB = new BackChannelLogouts(shared, clock, INTERVAL);

    @Test
    void aLogoutEndsTheSidAtOnceOnItsNodeAndOnTheOtherWithinTheInterval() {
        Instant signedIn = clock.instant();
        SignedInUser alice = user("alice", "sid-1");
        assertThat(nodeB.isEnded(alice, signedIn)).isFalse(); // node B has looked once, now

        clock.advance(Duration.ofSeconds(1));
        nodeA.record(new LogoutNotice(Optional.of("sid-1"), Optional.of("alice"), clock.instant()));

        assertThat(nodeA.isEnded(alice, signedIn)).as("where it arrived: at once").isTrue();
        assertThat(nodeB.isEnded(alice, signedIn)).as("elsewhere: not before the next look").isFalse();
        clock.advance(INTERVAL);
        assertThat(nodeB.isEnded(alice, signedIn)).as("elsewhere: within the interval").isTrue();
        assertThat(nodeB.isEnded(user("alice", "sid-2"), signedIn)).as("another session of alice").isFalse();
        assertThat(nodeB.isEnded(alice, clock.instant())).as("a sign-in after the logout").isFalse();
    }

    @Test
    void aLogoutWithOnlySubEndsEverySessionOfTheUserSignedInBeforeIt() {
        Instant signedIn = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        nodeA.record(new LogoutNotice(Optional.empty(), Optional.of("alice"), clock.instant()));
        clock.advance(INTERVAL);

        assertThat(nodeB.isEnded(user("alice", "sid-1"), signedIn)).isTrue();
        assertThat(nodeB.isEnded(user("alice", null), signedIn)).isTrue();
        assertThat(nodeB.isEnded(user("bob", "sid-1"), signedIn)).isFalse();
    }

    @Test
    void aFailingStoreLeavesTheNodeWorkingAndIsReadAgainLater() {
        FlakyRecords flaky = new FlakyRecords();
        BackChannelLogouts node = new BackChannelLogouts(flaky, clock, INTERVAL);
        flaky.failing = true;
        assertThat(node.isEnded(user("alice", "sid-1"), clock.instant())).isFalse();
        flaky.failing = false;
        flaky.add(new LogoutRecords.LogoutRecord(LogoutRecords.Kind.SID, "sid-1", clock.instant()));
        clock.advance(INTERVAL);
        assertThat(node.isEnded(user("alice", "sid-1"), clock.instant().minus(INTERVAL))).isTrue();
    }

    private static SignedInUser user(String sub, String sid) {
        Map<String, Object> claims = sid == null ? Map.of("sub", sub) : Map.of("sub", sub, "sid", sid);
        return new SignedInUser(new UserClaims(claims), new TokenSet("access", null, null, Instant.MAX, List.of()));
    }

    private static final class FlakyRecords implements LogoutRecords {
        private final InMemoryLogoutRecords records = new InMemoryLogoutRecords();
        private boolean failing;

        @Override
        public void add(LogoutRecord record) {
            records.add(record);
        }

        @Override
        public List<LogoutRecord> since(Instant from, int limit) {
            if (failing) {
                throw new LogoutStoreException("database down", null);
            }
            return records.since(from, limit);
        }

        @Override
        public void removeBefore(Instant before) {
            records.removeBefore(before);
        }
    }
}
