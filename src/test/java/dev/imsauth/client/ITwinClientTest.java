package dev.imsauth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The iTwin API client against a fake api.bentley.com on 127.0.0.1 that honours the test provider's
 * tokens, here a service app's client-credentials token. Waits go through a sleeper that moves the clock.
 */
class ITwinClientTest {
    private static final String SECRET = "itwin-client-secret-8c1";
    private static TestOpenIdProvider op;
    private static FakeITwinApi api;
    private final MutableClock clock = new MutableClock();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<String> seenTokens = new ArrayList<>(List.of(SECRET));
    private ImsAuthConfig config;
    private ServiceTokenProvider service;
    private ITwinClient itwin;
    private LogCapture logs;

    @BeforeAll
    static void start() {
        op = TestOpenIdProvider.start();
        op.registerClient("svc-app", SECRET);
        api = FakeITwinApi.start(op);
    }

    @AfterAll
    static void stop() {
        api.close();
        op.close();
    }

    @BeforeEach
    void client() {
        op.clearRequests();
        api.reset();
        logs = LogCapture.start();
        config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("svc-app").clientSecret(SECRET)
                .allowInsecureLoopback(true).apiBaseUrl(api.baseUrl()).build();
        service = new ServiceTokenProvider(config.serviceClient(), ProviderHttp.defaultClient(Duration.ofSeconds(2)), clock,
                Sleeper.SYSTEM);
        itwin = new ITwinClient(config.api(), service, HttpClient.newHttpClient(), clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    @AfterEach
    void noSecretInTheLogs() {
        api.calls().forEach(c -> seenTokens.add(c.bearer()));
        LogHygiene.assertNoSecrets(logs, op, seenTokens);
        logs.close();
    }

    @Test
    void usersMeSendsTheBearerTokenAndTheItwinMediaType() {
        ITwinUser me = itwin.me();

        assertThat(me.displayName()).isEqualTo("svc-app@apps.imsoidc.bentley.com").isEqualTo(service.serviceUser());
        FakeITwinApi.Call call = api.calls("/users/me").get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.header("Authorization")).isEqualTo(service.authorizationHeader());
        assertThat(call.header("Accept")).isEqualTo("application/vnd.bentley.itwin-platform.v1+json");
        assertThat(op.tokenCalls("client_credentials")).isEqualTo(1);
    }

    @Test
    void readsEveryFieldOfTheUsersApiProfile() {
        api.enqueue("GET", "/users/me", 200, Map.of(), """
                {"user":{"id":"00000000-0000-0000-0000-000000000000","displayName":"John.Smith@example.com",
                "givenName":"John","surname":"Smith","email":"John.Smith@example.com",
                "alternateEmail":"js@example.org","phone":"000-000-0000","organizationName":"Example Organization",
                "city":"Anytown","country":"US","language":"EN","createdDateTime":"2020-03-25T04:36:40.4210000Z"}}""");

        assertThat(itwin.me()).isEqualTo(new ITwinUser("00000000-0000-0000-0000-000000000000", "John.Smith@example.com",
                "John", "Smith", "John.Smith@example.com", "js@example.org", "000-000-0000", "Example Organization",
                "Anytown", "US", "EN", "2020-03-25T04:36:40.4210000Z"));
    }

    @Test
    void genericGetAndPostExchangeJsonObjects() {
        api.stub("GET", "/itwins", 200, "{\"iTwins\":[{\"id\":\"a1\",\"displayName\":\"Bridge\"}]}");
        api.stub("POST", "/itwins", 201, "{\"iTwin\":{\"id\":\"b2\",\"displayName\":\"Tunnel\"}}");

        Map<String, Object> list = itwin.get("/itwins?$top=1");
        Map<String, Object> created = itwin.post("/itwins", Map.of("displayName", "Tunnel", "class", "Endeavor"));

        assertThat((List<?>) list.get("iTwins")).hasSize(1);
        assertThat(((Map<?, ?>) created.get("iTwin")).get("id")).isEqualTo("b2");
        FakeITwinApi.Call post = api.calls().get(1);
        assertThat(post.query()).isNull();
        assertThat(api.calls().get(0).query()).isEqualTo("$top=1");
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        assertThat(post.body()).contains("\"displayName\":\"Tunnel\"").contains("\"class\":\"Endeavor\"");
        assertThat(post.header("Accept")).isEqualTo(ITwinClient.ACCEPT);
    }

    @Test
    void a429IsRetriedAfterTheWaitRetryAfterAsksFor() {
        api.enqueue("GET", "/users/me", 429, Map.of("Retry-After", "2"),
                FakeITwinApi.error("RateLimitExceeded", "The client sent more requests than allowed."));

        assertThat(itwin.me().displayName()).isEqualTo(service.serviceUser());

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(api.calls("/users/me")).hasSize(2);
    }

    @Test
    void a503WithAnHttpDateRetryAfterIsRetriedAtThatTime() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
        api.enqueue("GET", "/users/me", 503, Map.of("Retry-After", at), FakeITwinApi.error("ServiceUnavailable", "Busy."));

        itwin.me();

        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterBeyondTheBudgetFailsAtOnceWithTheRequestedWait() {
        api.enqueue("GET", "/users/me", 429, Map.of("Retry-After", "60"),
                FakeITwinApi.error("RateLimitExceeded", "The client sent more requests than allowed."));

        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, itwin::me);

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.code()).isEqualTo("RateLimitExceeded");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(sleeps).isEmpty();
        assertThat(api.calls()).hasSize(1);
    }

    @Test
    void repeated429sStopWhenTheBudgetIsSpent() {
        for (int i = 0; i < 10; i++) {
            api.enqueue("GET", "/users/me", 429, Map.of("Retry-After", "4"), FakeITwinApi.error("RateLimitExceeded", "Slow down."));
        }
        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, itwin::me);
        assertThat(e.status()).isEqualTo(429);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4)); // 8 s of the 10 s budget
        assertThat(api.calls()).hasSize(3);
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheCallRepeated() {
        String first = service.accessToken();
        api.enqueue("GET", "/users/me", 401, Map.of(), FakeITwinApi.error("InvalidToken", "Access denied."));

        itwin.me();

        List<FakeITwinApi.Call> calls = api.calls("/users/me");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).bearer()).isEqualTo(first);
        assertThat(calls.get(1).bearer()).isNotEqualTo(first).isEqualTo(service.accessToken());
        assertThat(op.tokenCalls("client_credentials")).isEqualTo(2);
    }

    @Test
    void aSecond401IsNotRetriedAgain() {
        api.enqueue("GET", "/users/me", 401, Map.of(), FakeITwinApi.error("InvalidToken", "Access denied."));
        api.enqueue("GET", "/users/me", 401, Map.of(), FakeITwinApi.error("InvalidToken", "Still denied."));

        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, itwin::me);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("InvalidToken").contains("Still denied.");
        assertThat(api.calls()).hasSize(2);
    }

    @Test
    void theApisErrorJsonBecomesATypedException() {
        api.stub("GET", "/itwins/missing", 404, FakeITwinApi.error("iTwinNotFound", "Requested iTwin is not available."));

        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, () -> itwin.get("/itwins/missing"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("iTwinNotFound");
        assertThat(e.getMessage()).isEqualTo("GET /itwins/missing failed with HTTP 404 iTwinNotFound: "
                + "Requested iTwin is not available.");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void anErrorWithoutJsonKeepsItsStatus() {
        api.enqueue("GET", "/users/me", 502, Map.of(), "<html>Bad gateway</html>");
        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, itwin::me);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isEqualTo("HttpError");
    }

    @Test
    void theTokenIsNeverSentOutsideTheBaseUrl() {
        for (String target : List.of("https://evil.example/users/me", "//evil.example/users/me",
                "/\\evil.example", api.baseUrl() + ".evil.example/users/me", "users/me")) {
            assertThatThrownBy(() -> itwin.get(target)).as(target).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(api.calls()).isEmpty();
        assertThat(itwin.get(api.baseUrl() + "/users/me")).containsKey("user"); // a link the API returned
    }

    @Test
    void anUnreachableApiFailsWithStatusZero() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ImsAuthConfig elsewhere = ImsAuthConfig.builder().issuer(op.issuer()).clientId("svc-app").clientSecret(SECRET)
                .allowInsecureLoopback(true).apiBaseUrl("http://127.0.0.1:" + closedPort).build();
        ITwinClient down = new ITwinClient(elsewhere.api(), service);

        ITwinApiException e = catchThrowableOfType(ITwinApiException.class, down::me);

        assertThat(e.status()).isZero();
        assertThat(e.code()).isEqualTo("Unreachable");
        assertThat(e.getMessage()).doesNotContain(service.accessToken());
        seenTokens.add(service.accessToken());
    }
}
