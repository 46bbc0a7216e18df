package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service app's settings need no redirect URI and no openid, and report every bad key at once. */
class ServiceClientSettingsTest {

    @Test
    void needsOnlyClientIdAndSecretAndUsesImsDefaults() {
        ServiceClientSettings s = ServiceClientSettings.builder().clientId("svc").clientSecret("svc-secret-1").build();
        assertThat(s.provider().issuer()).hasToString("https://ims.bentley.com");
        assertThat(s.tokenEndpoint()).isEmpty();
        assertThat(s.api().serviceScopes()).containsExactly("itwin-platform");
        assertThat(s.provider().clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(s.api().baseUrl()).hasToString("https://api.bentley.com");
        assertThat(s.provider().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.api().connectTimeout()).as("the API calls' connect timeout is the same key's").isEqualTo(Duration.ofSeconds(5));
        assertThat(s.serviceUser()).isEqualTo("svc@apps.imsoidc.bentley.com");
        assertThat(s.toString()).doesNotContain("svc-secret-1");
    }

    @Test
    void loadsTheServiceAppsOwnIdAndSecretBeforeTheSignInApps() {
        Map<String, String> m = new HashMap<>();
        m.put("ims.client-id", "web-app");
        m.put("ims.client-auth-method", "none");
        m.put("ims.service-client-id", "svc");
        m.put("ims.service-client-secret", "svc-secret-2");
        m.put("ims.service-scopes", "itwin-platform imodels:read");
        m.put("ims.token-endpoint", "https://ims.example.com/connect/token");
        m.put("ims.read-timeout", "3s");
        ServiceClientSettings s = ServiceClientSettings.load(ConfigSource.of(m));
        assertThat(s.provider().clientId()).isEqualTo("svc");
        assertThat(s.provider().clientSecret().orElseThrow().reveal()).isEqualTo("svc-secret-2");
        assertThat(s.provider().clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(s.api().serviceScopes()).containsExactly("itwin-platform", "imodels:read");
        assertThat(s.tokenEndpoint()).hasValueSatisfying(u -> assertThat(u).hasToString("https://ims.example.com/connect/token"));
        assertThat(s.provider().readTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readsOnlyTheKeysTheTableMarksForServiceClients() {
        Map<String, String> m = new HashMap<>();
        m.put("ims.client-id", "svc");
        m.put("ims.client-secret", "svc-secret-3");
        m.put("ims.redirect-uri", "not a url");
        m.put("ims.clock-skew", "a minute");
        m.put("ims.max-pending-logins", "many");
        ServiceClientSettings s = ServiceClientSettings.load(ConfigSource.of(m));
        assertThat(s.provider().clockSkew()).as("the table's default").isEqualTo(Duration.ofSeconds(60));
        assertThat(ConfigKey.REDIRECT_URI.readByServiceClients()).isFalse();
        assertThatThrownBy(() -> ServiceClientSettings.builder().set(ConfigKey.REDIRECT_URI, "/cb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ims.redirect-uri");
    }

    @Test
    void aSignInAppsOwnRegistrationServesItsServiceClients() {
        ImsAuthConfig config = ImsAuthConfig.builder().clientId("web-app").clientSecret("web-secret-4")
                .serviceScopes(List.of("itwin-platform", "imodels:read")).build();
        ServiceClientSettings s = config.serviceClient();
        assertThat(s.provider()).isSameAs(config.provider());
        assertThat(s.api()).isSameAs(config.api());
        assertThat(s.tokenEndpoint()).isEmpty();
        assertThat(s.serviceUser()).isEqualTo("web-app@apps.imsoidc.bentley.com");
    }

    @Test
    void reportsEveryBadKeyAtOnce() {
        Map<String, String> m = new HashMap<>();
        m.put("ims.service-client-id", "svc");
        m.put("ims.service-scopes", "openid itwin-platform");
        m.put("ims.token-endpoint", "http://ims.example.com/token");
        m.put("ims.api-timeout", "soon");
        m.put("ims.service-token-retries", "99");
        assertThatThrownBy(() -> ServiceClientSettings.load(ConfigSource.of(m)))
                .isInstanceOfSatisfying(ImsAuthConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ImsAuthConfigException.Problem::key).containsExactlyInAnyOrder(
                            "ims.service-client-secret", "ims.service-scopes", "ims.token-endpoint", "ims.api-timeout",
                            "ims.service-token-retries");
                    assertThat(e.getMessage()).contains("IMS_SERVICE_CLIENT_SECRET", "'openid' is a user scope",
                            "must use https");
                });
    }

    @Test
    void refusesAPublicClientBecauseAServiceAppAuthenticatesWithItsSecret() {
        assertThatThrownBy(() -> ServiceClientSettings.builder().clientId("svc").clientSecret("x")
                .clientAuthMethod(ClientAuthMethod.NONE).scopes(List.of("itwin-platform")).build())
                .isInstanceOf(ImsAuthConfigException.class).hasMessageStartingWith("ims.client-auth-method");
    }
}
