package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.client.ServiceTokenException;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalogue I06: after a failed refresh or client-credentials call, the provider sees at most one attempt
 * per session (and per service client) per interval — {@link ProviderBounds#FAILURE_COOL_DOWN}, or the
 * provider's {@code Retry-After} bounded by {@link ProviderBounds#MAX_RETRY_AFTER} — however many requests
 * arrive meanwhile. Proven by counting the token requests the test provider received; time is the
 * fixture's clock, moved by hand.
 */
class ProviderCoolDownTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private SignInFixture f;

    @BeforeEach
    void start() {
        f = SignInFixture.confidential("cool-down-secret");
        f.op.setClock(f.clock).setAccessTokenLifetime(LIFETIME);
        f.op.registerClient("svc", "svc-secret");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    @Catalogue("I06")
    void aFailingRefreshIsTriedOncePerSessionPerIntervalHonouringABoundedRetryAfter() {
        BrowserlessClient alice = signedIn();
        BrowserlessClient bob = signedIn();
        f.clock.advance(LIFETIME.plusSeconds(1));
        f.op.faults().tokenStatus(503, "120");
        f.op.clearRequests();

        for (int i = 0; i < 10; i++) {
            assertThat(alice.get(f.url("/protected/page")).statusCode()).isEqualTo(503);
        }
        assertThat(refreshCalls()).as("ten requests of one session during the outage").isEqualTo(1);
        assertThat(bob.get(f.url("/protected/page")).statusCode()).isEqualTo(503);
        assertThat(refreshCalls()).as("another session has its own attempt").isEqualTo(2);

        f.clock.advance(ProviderBounds.FAILURE_COOL_DOWN.plusSeconds(50));
        assertThat(alice.get(f.url("/protected/page")).statusCode()).isEqualTo(503);
        assertThat(refreshCalls()).as("Retry-After 120 s outlasts the 10 s cool-down").isEqualTo(2);

        f.clock.advance(Duration.ofSeconds(61));
        f.op.faults().tokenStatus(503, "99999999999");
        assertThat(alice.get(f.url("/protected/page")).statusCode()).isEqualTo(503);
        assertThat(refreshCalls()).isEqualTo(3);
        f.clock.advance(ProviderBounds.MAX_RETRY_AFTER.minusSeconds(1));
        assertThat(alice.get(f.url("/protected/page")).statusCode()).isEqualTo(503);
        assertThat(refreshCalls()).as("still within the bounded Retry-After").isEqualTo(3);

        f.op.faults().reset();
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(alice.get(f.url("/protected/page")).statusCode()).as("5 min at most").isEqualTo(200);
        assertThat(refreshCalls()).isEqualTo(4);
    }

    @Test
    @Catalogue("I06")
    void aFailingServiceTokenCallIsTriedOncePerIntervalAndThenServedTheSameFailureAtOnce() {
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(f.op.issuer()).clientId("svc").clientSecret("svc-secret")
                .allowInsecureLoopback(true).build();
        ServiceTokenProvider service = new ServiceTokenProvider(
                new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(Duration.ofSeconds(5)), f.clock),
                config.api(), f.clock::advance);
        f.op.faults().tokenStatus(503, "30");
        f.op.clearRequests();

        for (int i = 0; i < 20; i++) {
            ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, service::getToken);
            assertThat(e.reason()).isEqualTo("provider_unavailable");
        }
        assertThat(clientCredentialsCalls()).as("Retry-After: no backoff retries, then the cool-down").isEqualTo(1);

        f.clock.advance(Duration.ofSeconds(31));
        f.op.faults().tokenStatus(500);
        catchThrowableOfType(ServiceTokenException.class, service::getToken);
        assertThat(clientCredentialsCalls()).as("one renewal: the first call and two retries").isEqualTo(4);
        catchThrowableOfType(ServiceTokenException.class, service::getToken);
        assertThat(clientCredentialsCalls()).isEqualTo(4);

        f.op.faults().reset();
        f.clock.advance(ProviderBounds.FAILURE_COOL_DOWN);
        assertThat(service.accessToken()).isNotBlank();
        assertThat(clientCredentialsCalls()).isEqualTo(5);
    }

    private BrowserlessClient signedIn() {
        BrowserlessClient b = new BrowserlessClient();
        assertThat(b.follow(b.signIn(f.url("/protected/start"))).statusCode()).isEqualTo(200);
        return b;
    }

    private int refreshCalls() {
        return f.op.tokenCalls("refresh_token");
    }

    private int clientCredentialsCalls() {
        return f.op.tokenCalls("client_credentials");
    }
}
