package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the readiness check reads: the probe re-reads discovery at most once per interval and records outcomes. */
class ProviderStatusTest {
    private final MutableClock clock = new MutableClock();

    private OidcClient client(TestOpenIdProvider op) {
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("portal").allowInsecureLoopback(true)
                .healthProbeInterval(Duration.ofSeconds(10)).discoveryRetry(Duration.ofSeconds(1)).build();
        return new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
    }

    @Test
    void theProbeSeesTheProviderGoAndComeBackAtMostOncePerInterval() {
        TestOpenIdProvider op = TestOpenIdProvider.start();
        OidcClient client = client(op);
        assertThat(client.status().discovery().lastSuccess()).as("nothing seen before the first use").isEmpty();
        assertThat(client.status().usable()).isFalse();

        ProviderStatus.Snapshot up = client.probe();
        assertThat(up.usable()).isTrue();
        assertThat(up.discovery().lastSuccess()).contains(clock.instant());
        assertThat(op.discoveryCalls()).isEqualTo(1);

        client.probe();
        assertThat(op.discoveryCalls()).as("within the interval: no request").isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        client.probe();
        assertThat(op.discoveryCalls()).as("after it: one more").isEqualTo(2);

        int port = URI.create(op.issuer()).getPort();
        op.close();
        clock.advance(Duration.ofSeconds(10));
        ProviderStatus.Snapshot down = client.probe();
        assertThat(down.usable()).isFalse();
        assertThat(down.discovery().failing()).isTrue();
        assertThat(down.discovery().lastReason()).contains("provider_unavailable");
        assertThat(down.discovery().failuresSinceSuccess()).isEqualTo(1);

        TestOpenIdProvider again = TestOpenIdProvider.start(port);
        try {
            clock.advance(Duration.ofSeconds(10));
            assertThat(client.probe().usable()).isTrue();
            assertThat(client.status().discovery().lastFailure()).as("the failure stays visible as history").isPresent();
        } finally {
            again.close();
        }
    }
}
