package dev.imsauth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node-local memory of refreshes: single leader, kept for a while, bounded, failures forgotten. */
class RecentRefreshesTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private final RecentRefreshes recent = new RecentRefreshes();

    @Test
    void oneLeaderPerRefreshTokenAndTheOutcomeAnswersLaterCallersUntilItIsDropped() {
        SignedInUser seen = user("old");
        SignedInUser fresh = user("new");
        RecentRefreshes.Claim leader = recent.claim("k", seen, NOW);
        RecentRefreshes.Claim waiter = recent.claim("k", seen, NOW);
        assertThat(leader.leading()).isTrue();
        assertThat(waiter.leading()).isFalse();
        assertThat(recent.underWay()).isEqualTo(1);

        recent.finish("k", leader, new RecentRefreshes.Outcome(fresh, false), NOW, NOW.plusSeconds(60));

        assertThat(waiter.outcome().join().user()).isSameAs(fresh);
        RecentRefreshes.Claim late = recent.claim("k", seen, NOW.plusSeconds(59));
        assertThat(late.leading()).isFalse();
        assertThat(late.outcome().join().user()).isSameAs(fresh);
        assertThat(recent.claim("k", seen, NOW.plusSeconds(60)).leading()).as("kept no longer").isTrue();
        assertThat(recent.claim("other", fresh, NOW).leading()).isTrue();
    }

    @Test
    void anOutcomeThatIsTheCallersOwnGenerationIsNoAnswer() {
        SignedInUser same = user("same");
        RecentRefreshes.Claim leader = recent.claim("k", same, NOW);
        recent.finish("k", leader, new RecentRefreshes.Outcome(same, false), NOW, NOW.plusSeconds(60));

        assertThat(recent.claim("k", same, NOW).leading()).isTrue();
    }

    @Test
    void aFailedRefreshIsNotKept() {
        SignedInUser seen = user("old");
        RecentRefreshes.Claim leader = recent.claim("k", seen, NOW);
        recent.fail("k", leader, new IllegalStateException("provider down"));

        assertThat(leader.outcome()).isCompletedExceptionally();
        assertThat(recent.claim("k", seen, NOW).leading()).isTrue();
    }

    @Test
    void atMostMaxKeptOutcomesAreKeptAndExpiredOnesAreDropped() {
        SignedInUser seen = user("old");
        RecentRefreshes.Outcome refused = RecentRefreshes.Outcome.REFUSED;
        int beyond = RecentRefreshes.MAX_KEPT + 50;
        for (int i = 0; i < beyond; i++) {
            RecentRefreshes.Claim claim = recent.claim("k" + i, seen, NOW);
            recent.finish("k" + i, claim, refused, NOW, NOW.plus(Duration.ofMinutes(1)));
        }
        int answered = 0;
        for (int i = 0; i < beyond; i++) {
            answered += recent.claim("k" + i, seen, NOW).leading() ? 0 : 1;
        }
        assertThat(answered).as("kept outcomes").isEqualTo(RecentRefreshes.MAX_KEPT);

        RecentRefreshes.Claim later = recent.claim("later", seen, NOW.plusSeconds(120));
        recent.finish("later", later, refused, NOW.plusSeconds(120), NOW.plusSeconds(180));
        assertThat(recent.claim("k0", seen, NOW.plusSeconds(120)).leading()).as("expired ones are gone").isTrue();
    }

    private static SignedInUser user(String accessToken) {
        return new SignedInUser(new UserClaims(Map.of("sub", "alice")),
                new TokenSet(accessToken, "refresh-" + accessToken, null, NOW.plusSeconds(30), List.of("openid")));
    }
}
