package dev.imsauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ServiceClientSettings;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ServiceTokenProvider and ITwinClient built from a service app's own settings, with or without discovery. */
class ServiceClientsFromSettingsTest {
    private static final String SECRET = "settings-svc-secret-91e";
    private static TestOpenIdProvider op;
    private static FakeITwinApi api;
    private LogCapture logs;

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start().registerClient("settings-svc", SECRET);
        api = FakeITwinApi.start(op);
    }

    @AfterAll
    static void stop() {
        api.close();
        op.close();
    }

    @BeforeEach
    void clear() {
        op.clearRequests();
        api.reset();
        logs = LogCapture.start();
    }

    @AfterEach
    void noSecretInTheLogs() {
        List<String> tokens = new ArrayList<>(List.of(SECRET));
        api.calls().forEach(c -> tokens.add(c.bearer()));
        LogHygiene.assertNoSecrets(logs, op, tokens);
        logs.close();
    }

    @Test
    void discoversTheTokenEndpointFromTheIssuer() {
        ITwinClient itwin = ITwinClient.forService(settings().issuer(op.issuer()).build());

        assertThat(itwin.me().displayName()).isEqualTo("settings-svc@apps.imsoidc.bentley.com");
        assertThat(op.discoveryCalls()).isEqualTo(1);
        assertThat(op.tokenCalls("client_credentials")).isEqualTo(1);
    }

    @Test
    void callsAGivenTokenEndpointWithoutAnyDiscovery() {
        ServiceClientSettings settings = settings().issuer("https://issuer-never-contacted.invalid")
                .tokenEndpoint(op.endpoint(ProviderPaths.TOKEN)).build();
        ServiceTokenProvider tokens = new ServiceTokenProvider(settings);
        ITwinClient itwin = new ITwinClient(settings, tokens);

        assertThat(itwin.me().displayName()).isEqualTo(tokens.serviceUser());
        assertThat(op.discoveryCalls()).isZero();
        assertThat(op.requests(ProviderPaths.TOKEN)).singleElement().satisfies(r -> {
            assertThat(r.first("scope")).isEqualTo("itwin-platform");
            assertThat(r.has("redirect_uri")).isFalse();
        });
    }

    private static dev.imsauth.config.ServiceClientSettingsBuilder settings() {
        return ServiceClientSettings.builder().clientId("settings-svc").clientSecret(SECRET)
                .apiBaseUrl(api.baseUrl()).allowInsecureLoopback(true);
    }
}
