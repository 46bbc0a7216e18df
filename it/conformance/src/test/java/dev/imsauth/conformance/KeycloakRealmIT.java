package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.client.ServiceTokenException;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.Keycloak;
import dev.imsauth.conformance.server.KeycloakAdmin.Event;
import dev.imsauth.protocol.TokenSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What needs no container: the realm really requires PKCE S256 of the public client (so every sign-in Keycloak
 * recorded for it used S256), and {@link ServiceTokenProvider} with Keycloak's service client, as a backend
 * service would use it.
 */
@ExtendWith(ConformanceSuite.class)
class KeycloakRealmIT {

    private static final String SERVICE_CLIENT = "conformance-service";
    private static final String SERVICE_SECRET = "conformance-service-secret";

    private Keycloak keycloak;

    @BeforeEach
    void connect(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    @Test
    void keycloakRefusesAnAuthorizationRequestOfThePublicClientWithoutS256() {
        String redirect = "http://127.0.0.1:1/portal/signin-oidc";
        URI request = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + App.PORTAL.clientId() + "&scope=openid&state=s&nonce=n&redirect_uri=" + redirect);
        HttpResponse<String> response = AppHttp.get(request, null);
        assertThat(response.statusCode()).isEqualTo(302);
        URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(redirect + "?");
        assertThat(AppHttp.query(back)).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Missing parameter: code_challenge_method");
    }

    @Test
    void serviceTokenProviderGetsAndCachesATokenWithClientCredentials() {
        long since = System.currentTimeMillis();
        ServiceTokenProvider provider = new ServiceTokenProvider(config(SERVICE_SECRET).serviceClient());
        TokenSet token = provider.getToken();
        assertThat(token.accessToken()).isNotBlank();
        assertThat(token.scopes()).contains("itwin-platform");
        assertThat(token.refreshToken()).isEmpty();
        assertThat(provider.getToken().accessToken()).isEqualTo(token.accessToken());

        List<Event> grants = keycloak.admin().events(SERVICE_CLIENT, since, "CLIENT_LOGIN", "CLIENT_LOGIN_ERROR");
        assertThat(grants).extracting(Event::type).containsExactly("CLIENT_LOGIN");
        assertThat(grants.get(0).detail("grant_type")).isEqualTo("client_credentials");
    }

    @Test
    void refusedServiceSecretGivesAClearErrorThatDoesNotContainTheSecret() {
        long since = System.currentTimeMillis();
        String wrong = "wrong-service-secret-7d1e";
        ServiceTokenException refused = catchThrowableOfType(ServiceTokenException.class,
                () -> new ServiceTokenProvider(config(wrong).serviceClient()).getToken());
        assertThat(refused.error()).isEqualTo("unauthorized_client");
        assertThat(refused.getMessage()).contains("unauthorized_client").doesNotContain(wrong)
                .doesNotContain(SERVICE_SECRET);
        assertThat(keycloak.admin().events(SERVICE_CLIENT, since, "CLIENT_LOGIN_ERROR"))
                .extracting(Event::error).containsExactly("invalid_client_credentials");
    }

    @Test
    void refusedServiceSecretNamesKeycloaksReasonWithoutAGuessedHint() {
        ServiceTokenException refused = catchThrowableOfType(ServiceTokenException.class,
                () -> new ServiceTokenProvider(config("wrong-service-secret-7d1e").serviceClient()).getToken());
        assertThat(refused.getMessage()).contains("Invalid client or Invalid client credentials")
                .doesNotContain("Service app");
    }

    private ImsAuthConfig config(String secret) {
        return ImsAuthConfig.load(ConfigSource.of(Map.of("ims.issuer", keycloak.issuer(),
                "ims.allow-insecure-loopback", "true", "ims.client-id", SERVICE_CLIENT, "ims.client-secret", secret,
                "ims.service-token-retries", "0")));
    }
}
