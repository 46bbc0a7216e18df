package dev.imsauth.it.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.HttpProbe;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service clients of docs/service-clients.md inside a real container: a plain servlet and a CDI bean
 * call {@code GET /users/me} on a fake api.bentley.com with a client-credentials token from the test provider.
 * The provider and the API run in the test JVM on 127.0.0.1, started before the deployment is built.
 */
public abstract class ServiceClientsTests {
    protected static final TestOpenIdProvider OP = TestOpenIdProvider.start()
            .registerClient(ServiceClientsArchive.CLIENT_ID, ServiceClientsArchive.SECRET);
    protected static final FakeITwinApi API = FakeITwinApi.start(OP);
    private static final String SERVICE_USER = ServiceClientsArchive.CLIENT_ID + "@apps.imsoidc.bentley.com";
    private final HttpProbe http = new HttpProbe();

    @ArquillianResource
    protected URL base;

    @AfterAll
    static void stopProviderAndApi() {
        API.close();
        OP.close();
    }

    @BeforeEach
    void clear() {
        OP.clearRequests();
        API.reset();
    }

    @Test
    void aPlainServletCallsUsersMeAsTheServiceApp() {
        HttpResponse<String> response = http.get(base, "service/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(SERVICE_USER);
        assertThat(API.calls("/users/me")).hasSize(1);
        assertServiceTokenRequestsHadNoUserParts();
    }

    @Test
    void aCdiBeanGetsTheInjectedITwinClientAndServiceTokenProvider() {
        HttpResponse<String> first = http.get(base, "service/cdi-me");
        HttpResponse<String> second = http.get(base, "service/cdi-me");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("me=" + SERVICE_USER + " user=" + SERVICE_USER);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(API.calls("/users/me")).hasSize(2);
        assertThat(OP.tokenCalls("client_credentials")).as("one cached token for the application").isLessThanOrEqualTo(1);
        assertServiceTokenRequestsHadNoUserParts();
    }

    @Test
    void theLibrarysInitializerLeavesTheSessionCookieOfAWarWithoutSignInAlone() {
        HttpResponse<String> response = http.get(base, "service/session");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("SameSite"));
    }

    private static void assertServiceTokenRequestsHadNoUserParts() {
        for (RecordedRequest token : OP.requests(ProviderPaths.TOKEN)) {
            assertThat(token.first("grant_type")).isEqualTo("client_credentials");
            assertThat(token.first("scope")).isEqualTo("itwin-platform");
            assertThat(token.has("redirect_uri")).isFalse();
        }
        assertThat(OP.authorizeCalls()).isZero();
    }
}
