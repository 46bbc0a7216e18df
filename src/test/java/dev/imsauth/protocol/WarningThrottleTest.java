package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {
    private static final System.Logger LOG = System.getLogger("dev.imsauth.protocol.WarningThrottleTest");
    private final MutableClock clock = new MutableClock();
    private final WarningThrottle throttle = new WarningThrottle(clock, Duration.ofMinutes(1));

    @Test
    void logsTheFirstOfAKindThenOneSummaryPerIntervalWithTheCount() {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 42; i++) {
                throttle.warn(LOG, "callback:state_mismatch", "Rejected sign-in callback ({0})", "state_mismatch");
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).contains("Rejected sign-in callback (state_mismatch)")
                    .doesNotContain("more like it");

            clock.advance(Duration.ofSeconds(30));
            throttle.warn(LOG, "callback:state_mismatch", "Rejected sign-in callback ({0})", "state_mismatch");
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(1)).contains("Rejected sign-in callback (state_mismatch) (and 41 more like it "
                    + "since").contains("summed up once per PT1M");

            clock.advance(Duration.ofMinutes(2));
            throttle.warn(LOG, "callback:state_mismatch", "Rejected sign-in callback ({0})", "state_mismatch");
            assertThat(log.lines()).hasSize(3);
            assertThat(log.lines().get(2)).as("nothing was held back this time").doesNotContain("more like it");
        }
    }

    @Test
    void differentKindsAreCountedApart() {
        try (LogCapture log = LogCapture.start()) {
            throttle.warn(LOG, "callback:state_mismatch", "state {0}", 1);
            throttle.warn(LOG, "discovery:provider_unavailable", "discovery {0}", 1);
            throttle.warn(LOG, "callback:state_mismatch", "state {0}", 2);
            assertThat(log.lines()).hasSize(2).anySatisfy(l -> assertThat(l).contains("state 1"))
                    .anySatisfy(l -> assertThat(l).contains("discovery 1"));
        }
    }

    @Test
    void beyondTheTrackedKindsWarningsAreLoggedUnthrottledRatherThanLost() {
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < WarningThrottle.MAX_KINDS + 10; i++) {
                throttle.warn(LOG, "kind" + i, "kind {0}", i);
            }
            throttle.warn(LOG, "extra", "extra {0}", 1);
            throttle.warn(LOG, "extra", "extra {0}", 2);
            assertThat(log.lines()).hasSize(WarningThrottle.MAX_KINDS + 12);
        }
    }
}
