package dev.imsauth.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.config.ImsAuthConfigException;
import dev.imsauth.event.ImsAuthEvent.Type;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher on its own: delivery order, throwing listeners, loading listeners by name. */
class ImsAuthEventsTest {

    @Test
    void aThrowingListenerIsSkippedAndLoggedOnceWithinTheQuietPeriodThenAgainWithTheCount() {
        MutableClock clock = new MutableClock();
        List<ImsAuthEvent> seen = new ArrayList<>();
        ImsAuthEvents events = new ImsAuthEvents(List.of(new RecordingListener.Throwing(), seen::add), clock);
        try (LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                events.signedOut(Type.SIGNED_OUT_LOCAL, "alice", null, "logout");
            }
            assertThat(seen).hasSize(5);
            assertThat(reports(logs)).hasSize(1);

            clock.advance(ListenerFailures.QUIET.plusSeconds(1));
            events.signedOut(Type.SIGNED_OUT_LOCAL, "alice", null, "logout");
            assertThat(reports(logs)).hasSize(2);
            assertThat(reports(logs).get(1)).contains("4 more failures");
            assertThat(logs.text()).doesNotContain("broken on purpose");
        }
    }

    @Test
    void anEventHasTheStepsDurationAndTheClocksInstant() {
        MutableClock clock = new MutableClock();
        List<ImsAuthEvent> seen = new ArrayList<>();
        ImsAuthEvents events = new ImsAuthEvents(List.of(seen::add), clock);
        Timing timing = events.begin(ImsAuthEvents.Step.REFRESH);
        events.refreshFailed(timing, "alice", "hash", "provider_error");
        ImsAuthEvent e = seen.get(0);
        assertThat(e.type()).isEqualTo(Type.REFRESH_FAILED);
        assertThat(e.isFailure()).isTrue();
        assertThat(e.at()).isEqualTo(clock.instant());
        assertThat(e.duration().isNegative()).isFalse();
        assertThat(e.reason()).isEqualTo("provider_error");
    }

    @Test
    void onlySignOutTypesAreSignOuts() {
        assertThatThrownBy(() -> ImsAuthEvents.none().signedOut(Type.SIGNED_IN, "a", null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenersNamedInTheKeyAreCreatedInOrder() {
        List<ImsAuthEventListener> listeners = EventListeners.load(getClass().getClassLoader(),
                Optional.of(RecordingListener.class.getName() + " , " + RecordingListener.Throwing.class.getName()));
        assertThat(listeners).extracting(l -> l.getClass().getSimpleName()).containsExactly("RecordingListener", "Throwing");
    }

    @Test
    void aListenerThatCannotBeCreatedStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> EventListeners.load(getClass().getClassLoader(), Optional.of("com.example.Missing")))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageContaining("ims.event-listeners")
                .hasMessageContaining("com.example.Missing");
        assertThatThrownBy(() -> EventListeners.load(getClass().getClassLoader(), Optional.of(String.class.getName())))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageContaining("does not implement");
        assertThatThrownBy(() -> EventListeners.load(getClass().getClassLoader(), Optional.of(NoDefault.class.getName())))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageContaining("public no-argument constructor");
    }

    @Test
    void theSessionHashIsStableAndShort() {
        assertThat(SessionIds.hash("node0abc")).isEqualTo(SessionIds.hash("node0abc")).hasSize(22)
                .isNotEqualTo(SessionIds.hash("node0abd")).doesNotContain("abc");
        assertThat(SessionIds.hash(null)).isNull();
    }

    private static List<String> reports(LogCapture logs) {
        return logs.lines().stream().filter(l -> l.contains(RecordingListener.Throwing.class.getName())).toList();
    }

    /** A listener without a no-argument constructor. */
    public static final class NoDefault implements ImsAuthEventListener {
        public NoDefault(String needed) {
        }

        @Override
        public void onEvent(ImsAuthEvent event) {
        }
    }
}
