package dev.imsauth.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.event.ImsAuthEvent.Type;
import dev.imsauth.event.jmx.EventCounters;
import dev.imsauth.event.jmx.ImsAuthMBeans;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/** The counters MBean: counts by outcome and reason, readable through the platform MBean server, and gone after close. */
class EventCountersMBeanTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void countsByTypeAndReasonAreReadableOverJmxUntilTheApplicationStops() throws Exception {
        EventCounters counters = new EventCounters();
        ObjectName name = ImsAuthMBeans.name("/counters-test");
        assertThat(name.toString()).isEqualTo("dev.imsauth:type=ImsAuth,context=/counters-test");
        try (ImsAuthMBeans.Registration ignored = ImsAuthMBeans.register("/counters-test", counters)) {
            ImsAuthEvents events = new ImsAuthEvents(List.of(counters), java.time.Clock.systemUTC());
            events.signedIn(events.begin(ImsAuthEvents.Step.CALLBACK), "alice", "h");
            events.signedIn(events.begin(ImsAuthEvents.Step.CALLBACK), "bob", "h2");
            events.callbackRejected(events.begin(ImsAuthEvents.Step.CALLBACK), "state_mismatch", null);
            events.signedOut(Type.SIGNED_OUT_LOCAL, "alice", "h", "logout");

            assertThat(SERVER.getAttribute(name, "SignIns")).isEqualTo(2L);
            assertThat(SERVER.getAttribute(name, "CallbacksRejected")).isEqualTo(1L);
            assertThat(SERVER.getAttribute(name, "SignOuts")).isEqualTo(1L);
            assertThat(SERVER.invoke(name, "count", new Object[] {"callback_rejected", "state_mismatch"},
                    new String[] {String.class.getName(), String.class.getName()})).isEqualTo(1L);
            TabularData counts = (TabularData) SERVER.getAttribute(name, "Counts");
            assertThat(counts.values()).extracting(row -> ((CompositeData) row).get("key") + "=" + ((CompositeData) row).get("value"))
                    .containsExactlyInAnyOrder("signed_in/ok=2", "callback_rejected/state_mismatch=1", "signed_out_local/logout=1");
        }
        assertThat(SERVER.isRegistered(name)).as("unregistered when the application stops").isFalse();
    }

    @Test
    void aSecondApplicationOnTheSameContextPathDoesNotFailItsStart() {
        try (ImsAuthMBeans.Registration first = ImsAuthMBeans.register("/twice", new EventCounters());
             ImsAuthMBeans.Registration second = ImsAuthMBeans.register("/twice", new EventCounters())) {
            assertThat(SERVER.isRegistered(ImsAuthMBeans.name("/twice"))).isTrue();
        }
        assertThat(SERVER.isRegistered(ImsAuthMBeans.name("/twice"))).isFalse();
    }

    @Test
    void theRootContextAndOddPathsMakeValidNames() {
        assertThat(ImsAuthMBeans.name("").getKeyProperty("context")).isEqualTo("/");
        assertThat(ImsAuthMBeans.name("/a,b=c").getKeyProperty("context")).isEqualTo(ObjectName.quote("/a,b=c"));
    }

    @Test
    void anOverlongReasonIsCountedAsOther() {
        EventCounters counters = new EventCounters();
        counters.onEvent(new ImsAuthEvent(Type.REFRESH_FAILED, null, null, "x".repeat(65), Instant.now(), Duration.ZERO));
        assertThat(counters.getCounts()).containsOnlyKeys("refresh_failed/other");
    }
}
