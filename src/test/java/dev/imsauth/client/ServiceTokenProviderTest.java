package dev.imsauth.client;

import dev.imsauth.hardening.Catalogue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.config.ApiSettings;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ImsAuthConfigBuilder;
import dev.imsauth.config.ImsAuthConfigException;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.testsupport.IssuedAccessToken;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service app's client-credentials token against the test provider: caching, one request under
 * concurrency, bounded retries, and clear refusals that never show the secret. Retries wait through an
 * injected sleeper that moves the clock instead of sleeping.
 */
class ServiceTokenProviderTest {
    private static final String CLIENT = "svc-app";
    /** Characters that RFC 6749 §2.3.1 form-encoding must get right in the Basic header. */
    private static final String SECRET = "svc:s3cr%t+/=Q9";
    private static final String WRONG_SECRET = "not-the-secret-4711";
    private static TestOpenIdProvider op;
    private final MutableClock clock = new MutableClock();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Runnable onSleep = () -> { };
    private final List<String> seenTokens = new ArrayList<>(List.of(SECRET, WRONG_SECRET));
    private LogCapture logs;

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start();
        op.registerClient(CLIENT, SECRET);
        op.registerClient("spa", null, "http://127.0.0.1/cb");
    }

    @AfterAll
    static void stop() {
        op.close();
    }

    @BeforeEach
    void reset() {
        op.faults().reset();
        op.setAccessTokenLifetime(Duration.ofHours(1));
        op.clearRequests();
        logs = LogCapture.start();
    }

    @AfterEach
    void noSecretInTheLogs() {
        LogHygiene.assertNoSecrets(logs, op, seenTokens);
        logs.close();
    }

    @Catalogue({"H01", "H05"})
    @Test
    void getsATokenWithClientCredentialsAndServesItFromTheCache() {
        ServiceTokenProvider p = provider(b -> b);

        TokenSet tokens = p.getToken();
        String token = remember(tokens.accessToken());

        assertThat(p.getToken()).isSameAs(tokens);
        assertThat(p.accessToken()).isEqualTo(token);
        assertThat(p.authorizationHeader()).isEqualTo("Bearer " + token);
        assertThat(op.tokenCalls()).isEqualTo(1);
        RecordedRequest request = op.requests("/connect/token").get(0);
        assertThat(request.first("grant_type")).isEqualTo("client_credentials");
        assertThat(request.first("scope")).isEqualTo("itwin-platform");
        assertThat(request.first("client_secret")).isNull();
        assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "svc-app:svc%3As3cr%25t%2B%2F%3DQ9".getBytes(StandardCharsets.UTF_8)));
        IssuedAccessToken issued = op.introspect(token).orElseThrow();
        assertThat(issued.service()).isTrue();
        assertThat(issued.clientId()).isEqualTo(CLIENT);
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.idToken()).isEmpty();
        assertThat(p.serviceUser()).isEqualTo("svc-app@apps.imsoidc.bentley.com");
        assertThat(tokens.toString()).doesNotContain(token);
    }

    @Catalogue("H01")
    @Test
    void renewsTheTokenShortlyBeforeItExpires() {
        ServiceTokenProvider p = provider(b -> b);
        String first = remember(p.accessToken());

        clock.advance(Duration.ofMinutes(58));
        assertThat(p.accessToken()).isEqualTo(first);
        assertThat(op.tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 59:01, inside the 60 s margin
        assertThat(remember(p.accessToken())).isNotEqualTo(first);
        assertThat(op.tokenCalls()).isEqualTo(2);
    }

    @Catalogue("H02")
    @Test
    void sixtyFourThreadsOnAColdProviderMakeOneTokenRequest() throws Exception {
        ServiceTokenProvider p = provider(b -> b);
        op.faults().tokenDelay(Duration.ofMillis(300));
        int n = 64;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tokens.add(pool.submit(() -> {
                    go.await();
                    return p.authorizationHeader();
                }));
            }
            go.countDown();
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> t : tokens) {
                distinct.add(t.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
            distinct.forEach(h -> remember(h.substring(7)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(op.tokenCalls()).isEqualTo(1);
    }

    @Catalogue("H04")
    @Test
    void retriesTransientFailuresWithGrowingBoundedPauses() {
        ServiceTokenProvider p = provider(b -> b);
        op.faults().tokenStatus(503);
        onSleep = () -> {
            if (sleeps.size() == 2) {
                op.faults().reset(); // the provider recovers before the third attempt
            }
        };

        remember(p.accessToken());

        assertThat(op.tokenCalls()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Catalogue("H04")
    @Test
    void retriesATimeout() {
        ServiceTokenProvider p = provider(b -> b.readTimeout(Duration.ofMillis(500)));
        op.faults().tokenDelay(Duration.ofSeconds(2));
        onSleep = () -> op.faults().reset();

        remember(p.accessToken());

        assertThat(op.tokenCalls()).isEqualTo(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        ServiceTokenProvider p = provider(b -> b.serviceTokenRetries(3));
        op.faults().tokenStatus(500);

        ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, p::getToken);

        assertThat(e.error()).isEqualTo("provider_unavailable");
        assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
        assertThat(e.getMessage()).contains("after 4 attempts").contains("HTTP 500");
        assertThat(op.tokenCalls()).isEqualTo(4);
        assertThat(sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    }

    @Catalogue("H03")
    @Test
    void aWrongSecretFailsAtOnceWithAClearMessageAndNoSecret() {
        ServiceTokenProvider p = provider(b -> b.clientSecret(WRONG_SECRET));

        ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, p::getToken);

        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.getMessage()).contains("invalid_client").contains("'svc-app'").contains("ims.client-secret")
                .doesNotContain(WRONG_SECRET).doesNotContain(SECRET);
        assertThat(String.valueOf(e)).doesNotContain(WRONG_SECRET);
        assertThat(op.tokenCalls()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anUnauthorizedClientSaysWhatTheProviderSaidAndGuessesNothing() {
        ServiceTokenProvider p = provider(b -> b);
        op.faults().tokenResponse(400, "application/json",
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");

        ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, p::getToken);

        assertThat(e.error()).isEqualTo("unauthorized_client");
        assertThat(e.getMessage()).contains("unauthorized_client").contains("'svc-app'")
                .contains("\"Invalid client or Invalid client credentials\"")
                .doesNotContain("Service app").doesNotContain("register");
        assertThat(op.tokenCalls()).isEqualTo(1);
    }

    @Test
    void anInvalidScopeFromImsNamesTheScopes() {
        ServiceTokenProvider p = provider(b -> b.serviceScopes(List.of("itwin-platform", "imodels:read")));
        op.faults().tokenResponse(400, "application/json", "{\"error\":\"invalid_scope\"}");

        ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, p::getToken);

        assertThat(e.error()).isEqualTo("invalid_scope");
        assertThat(e.getMessage()).contains("itwin-platform imodels:read").contains("developer.bentley.com");
        assertThat(op.tokenCalls()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openid", "email", "profile", "organization", "offline_access"})
    void userScopesAreRefusedBeforeAnyCallToIms(String scope) {
        ImsAuthConfig config = config(b -> b);
        OidcClient client = new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(Duration.ofSeconds(1)), clock);

        assertThatThrownBy(() -> new ServiceTokenProvider(client, withScopes(config.api(), List.of("itwin-platform", scope)),
                d -> { }))
                .isInstanceOf(ImsAuthConfigException.class)
                .hasMessageContaining("ims.service-scopes").hasMessageContaining("'" + scope + "'");
        assertThatThrownBy(() -> config(b -> b.serviceScopes(List.of(scope))))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageContaining("ims.service-scopes");
        assertThat(op.requests()).isEmpty();
    }

    @Test
    void aPublicClientCannotBeAServiceApp() {
        assertThatThrownBy(() -> provider(b -> b.clientId("spa").clientSecret(null)))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageContaining("ims.client-secret");
        assertThat(op.requests()).isEmpty();
    }

    @Test
    void aTokenAnApiRejectedIsReplacedOnce() {
        ServiceTokenProvider p = provider(b -> b);
        String first = remember(p.accessToken());

        String second = remember(p.refreshedAccessToken(first));
        assertThat(second).isNotEqualTo(first);
        assertThat(p.refreshedAccessToken(first)).isEqualTo(second); // a late second 401 for the old token
        assertThat(op.tokenCalls()).isEqualTo(2);
    }

    @Test
    void keepsTheStillValidTokenWhenRenewalFailsAndRetriesLater() {
        ServiceTokenProvider p = provider(b -> b.serviceTokenRetries(1));
        String first = remember(p.accessToken());
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        op.faults().tokenStatus(503);

        assertThat(p.accessToken()).isEqualTo(first);
        assertThat(op.tokenCalls()).isEqualTo(3);
        assertThat(p.accessToken()).isEqualTo(first); // not asked again within 5 s
        assertThat(op.tokenCalls()).isEqualTo(3);
        assertThat(logs.text()).contains("stays in use");

        clock.advance(Duration.ofSeconds(31)); // now expired
        assertThatThrownBy(p::accessToken).isInstanceOf(ServiceTokenException.class);
    }

    @Test
    void aCachedReadIsCheap() {
        ServiceTokenProvider p = provider(b -> b);
        String token = remember(p.accessToken());
        ServiceTokenProvider real = new ServiceTokenProvider(config(b -> b).serviceClient(),
                ProviderHttp.defaultClient(Duration.ofSeconds(1)), java.time.Clock.systemUTC(), Sleeper.SYSTEM);
        remember(real.accessToken());
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sink += real.accessToken().length();
        }
        int n = 5_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += real.accessToken().length();
        }
        double nanosPerCall = (System.nanoTime() - start) / (double) n;
        System.out.printf("cached ServiceTokenProvider.accessToken(): %.1f ns per call (%d)%n", nanosPerCall, sink);
        assertThat(nanosPerCall).isLessThan(1_000); // generous: a volatile read and a clock comparison
        assertThat(op.tokenCalls()).isEqualTo(2);
        assertThat(token).isNotBlank();
    }

    private static ApiSettings withScopes(ApiSettings api, List<String> scopes) {
        return new ApiSettings(api.baseUrl(), api.connectTimeout(), api.timeout(), api.retryBudget(), scopes,
                api.serviceTokenRetries());
    }

    private ImsAuthConfig config(UnaryOperator<ImsAuthConfigBuilder> customize) {
        return customize.apply(ImsAuthConfig.builder().issuer(op.issuer()).clientId(CLIENT).clientSecret(SECRET)
                .allowInsecureLoopback(true).readTimeout(Duration.ofSeconds(2))).build();
    }

    private ServiceTokenProvider provider(UnaryOperator<ImsAuthConfigBuilder> customize) {
        ImsAuthConfig config = config(customize);
        OidcClient client = new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
        return new ServiceTokenProvider(client, config.api(), d -> {
            sleeps.add(d);
            clock.advance(d);
            onSleep.run();
        });
    }

    private String remember(String token) {
        seenTokens.add(token);
        return token;
    }
}
