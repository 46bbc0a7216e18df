package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a refresh is due, asked with an instant (refresh paths) and with the clock's milliseconds (every request). */
class TokenSetRefreshTest {
    private static final Duration MARGIN = Duration.ofSeconds(60);

    @Test
    void theMillisecondQuestionTurnsAtTheSameInstantAsTheInstantOne() {
        Instant expires = Instant.parse("2026-11-30T12:00:00.000500Z"); // half a millisecond past a whole one
        TokenSet tokens = new TokenSet("a", null, null, expires, List.of());
        Instant due = expires.minus(MARGIN);

        assertThat(tokens.needsRefresh(due.minusNanos(1), MARGIN)).isFalse();
        assertThat(tokens.needsRefresh(due, MARGIN)).isTrue();
        // the clock's milliseconds: the last whole millisecond before the due instant is not yet due, the next is
        long before = due.toEpochMilli();
        assertThat(tokens.needsRefresh(before, MARGIN)).isFalse();
        assertThat(tokens.needsRefresh(before + 1, MARGIN)).isTrue();
    }

    @Test
    void aDueInstantOnAWholeMillisecondIsDueInThatMillisecond() {
        Instant expires = Instant.parse("2026-11-30T12:00:00Z");
        TokenSet tokens = new TokenSet("a", null, null, expires, List.of());
        long due = expires.minus(MARGIN).toEpochMilli();

        assertThat(tokens.needsRefresh(due - 1, MARGIN)).isFalse();
        assertThat(tokens.needsRefresh(due, MARGIN)).isTrue();
    }

    @Test
    void expiriesBeyondTheRangeOfMillisecondsSaturateInsteadOfOverflowing() {
        TokenSet never = new TokenSet("a", null, null, Instant.MAX, List.of());
        TokenSet always = new TokenSet("a", null, null, Instant.MIN, List.of());

        assertThat(never.needsRefresh(Long.MAX_VALUE - 1, MARGIN)).isFalse();
        assertThat(never.needsRefresh(Instant.MAX.minusSeconds(3600), MARGIN)).isFalse();
        assertThat(always.needsRefresh(Long.MIN_VALUE, MARGIN)).isTrue();
        assertThat(always.needsRefresh(0L, MARGIN)).isTrue();
    }

    @Test
    void aShortLivedTokenIsDueAtHalfItsLifetimeWhateverTheQuestion() {
        Instant obtained = Instant.parse("2026-11-30T12:00:00Z");
        TokenSet tokens = new TokenSet("a", null, null, obtained.plusSeconds(60), List.of())
                .refreshedWith("b", null, null, obtained, Duration.ofSeconds(60), List.of());
        long half = obtained.plusSeconds(30).toEpochMilli();

        assertThat(tokens.needsRefresh(half - 1, Duration.ofMinutes(5))).isFalse();
        assertThat(tokens.needsRefresh(half, Duration.ofMinutes(5))).isTrue();
        assertThat(tokens.needsRefresh(Instant.ofEpochMilli(half), Duration.ofMinutes(5))).isTrue();
    }
}
