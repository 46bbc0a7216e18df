package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.client.ServiceTokenException;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.ProviderFaults;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Catalogue H04: the token-endpoint faults of section F, replayed against the client-credentials
 * client (a service app's {@link ServiceTokenProvider}). Each must end in a typed
 * {@link ServiceTokenException} whose message names no secret and no token, after a bounded number of
 * calls (retries wait on the test clock, never really). Caching, concurrency, invalid_client and the
 * RFC 6749 §2.3.1 encoding of the Basic header (H01-H03, H05) are in ServiceTokenProviderTest.
 */
class ServiceTokenFaultsTest {
    private static final String SECRET = "svc:secret%with+odd&chars=1";
    private static TestOpenIdProvider op;

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start();
        op.registerClient("svc-app", SECRET);
    }

    @AfterAll
    static void stop() {
        op.close();
    }

    @BeforeEach
    void behave() {
        op.faults().reset();
        op.clearRequests();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                row("F01 HTTP 500", f -> f.tokenStatus(500)),
                row("F01 HTTP 503", f -> f.tokenStatus(503)),
                row("F02 400 unauthorized_client", f -> f.tokenResponse(400, "application/json", "{\"error\":\"unauthorized_client\"}")),
                row("F03 no answer", f -> f.tokenDelay(Duration.ofSeconds(3))),
                row("F04 byte-by-byte drip", f -> f.tokenDrip(Duration.ofMillis(50))),
                row("F05 HTML with 200", f -> f.tokenResponse(200, "text/html", "<html>maintenance</html>")),
                row("F06 100 MB body", f -> f.tokenHugeBody(100L * 1024 * 1024)),
                row("F07 token_type mac", f -> f.tokenType("mac")),
                row("F07 no token_type", f -> f.omitTokenType(true)),
                row("F08 no access_token", f -> f.omitAccessToken(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @Catalogue("H04")
    void aFaultyTokenEndpointGivesATypedFailureWithoutSecretsAfterBoundedCalls(String name, Consumer<ProviderFaults> fault) {
        fault.accept(op.faults());
        MutableClock clock = new MutableClock();
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("svc-app").clientSecret(SECRET)
                .allowInsecureLoopback(true).readTimeout(Duration.ofSeconds(1)).build();
        ServiceTokenProvider provider = new ServiceTokenProvider(
                new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), clock),
                config.api(), clock::advance);

        long started = System.nanoTime();
        ServiceTokenException e = catchThrowableOfType(ServiceTokenException.class, provider::getToken);

        assertThat(e).as(name).isNotNull();
        assertThat(String.valueOf(e) + e.getCause()).doesNotContain(SECRET).doesNotContain("secret%with");
        assertThat(op.tokenCalls()).as("bounded attempts").isBetween(1, config.api().serviceTokenRetries() + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("each attempt stops at the 1 s deadline")
                .isLessThan(Duration.ofSeconds(2L * (config.api().serviceTokenRetries() + 1)));
    }

    private static Arguments row(String name, Consumer<ProviderFaults> fault) {
        return Arguments.of(name, fault);
    }
}
