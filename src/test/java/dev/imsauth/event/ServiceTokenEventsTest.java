package dev.imsauth.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.client.Sleeper;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.event.ImsAuthEvent.Type;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service app's token requests as events: obtained, or refused with the provider's error. */
class ServiceTokenEventsTest {
    private static final String SECRET = "svc-events-secret-0815";
    private static TestOpenIdProvider op;
    private final List<ImsAuthEvent> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start();
        op.registerClient("svc-events", SECRET);
    }

    @AfterAll
    static void stop() {
        op.close();
    }

    @Test
    void anObtainedTokenAndARefusedRequestAreReportedWithoutTheToken() {
        ServiceTokenProvider good = provider(SECRET);
        String token = good.accessToken();
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.SERVICE_TOKEN_OBTAINED);
            assertThat(e.reason()).isEqualTo("ok");
            assertThat(e.subject()).isEmpty();
            assertThat(e.toString()).doesNotContain(token).doesNotContain(SECRET);
        });
        seen.clear();

        assertThatThrownBy(() -> provider("not-the-secret-4711").accessToken());
        assertThat(seen).extracting(ImsAuthEvent::type, ImsAuthEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Type.SERVICE_TOKEN_FAILED, "invalid_client"));
    }

    private ServiceTokenProvider provider(String secret) {
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("svc-events").clientSecret(secret)
                .allowInsecureLoopback(true).readTimeout(Duration.ofSeconds(2)).build();
        MutableClock clock = new MutableClock();
        OidcClient client = new OidcClient(config.provider(), config.signIn(),
                ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
        Sleeper noWait = clock::advance;
        return new ServiceTokenProvider(client, config.api(), noWait,
                new ImsAuthEvents(List.of(seen::add), clock));
    }
}
