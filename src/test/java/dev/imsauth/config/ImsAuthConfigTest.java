package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImsAuthConfigTest {

    private static ImsAuthConfig load(Map<String, String> values) {
        return ImsAuthConfig.load(ConfigSource.of(values));
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("ims.client-id", "portal-app");
        return m;
    }

    @Test
    void minimalConfigurationUsesImsDefaults() {
        ImsAuthConfig c = load(minimal());
        assertThat(c.issuer()).hasToString("https://ims.bentley.com");
        assertThat(c.scopes()).containsExactly("openid", "profile", "email", "itwin-platform", "offline_access");
        assertThat(c.clientAuthMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(c.redirectUri()).isEqualTo("/signin-oidc");
        assertThat(c.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.loginTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.idTokenAlgorithms()).containsExactly("RS256");
        assertThat(c.apiBaseUrl()).hasToString("https://api.bentley.com");
    }

    @Test
    void missingClientIdNamesTheKeyAndTheEnvironmentVariable() {
        assertThatThrownBy(() -> load(new HashMap<>()))
                .isInstanceOf(ImsAuthConfigException.class)
                .hasMessageContaining("ims.client-id").hasMessageContaining("IMS_CLIENT_ID");
    }

    @Test
    void secretSelectsClientSecretBasicAndNeverShowsInToString() {
        Map<String, String> m = minimal();
        m.put("ims.client-secret", "s3cr3t-value");
        ImsAuthConfig c = load(m);
        assertThat(c.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(c.toString()).doesNotContain("s3cr3t-value");
        assertThat(c.clientSecret().orElseThrow().reveal()).isEqualTo("s3cr3t-value");
    }

    @Test
    void rejectsAuthMethodThatNeedsASecretWithoutOne() {
        Map<String, String> m = minimal();
        m.put("ims.client-auth-method", "client_secret_post");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("ims.client-secret");
    }

    @Test
    void userinfoAndOfflineAccessConsentDefaultToWhatImsNeedsAndAreRead() {
        ImsAuthConfig defaults = load(minimal());
        assertThat(defaults.userInfo()).isEqualTo(UserInfoMode.AUTO);
        assertThat(defaults.offlineAccessPromptConsent()).isFalse();
        Map<String, String> m = minimal();
        m.put("ims.userinfo", "Always");
        m.put("ims.offline-access-prompt-consent", "yes");
        ImsAuthConfig c = load(m);
        assertThat(c.userInfo()).isEqualTo(UserInfoMode.ALWAYS);
        assertThat(c.offlineAccessPromptConsent()).isTrue();
    }

    @Test
    void rejectsAnUnknownUserinfoMode() {
        Map<String, String> m = minimal();
        m.put("ims.userinfo", "sometimes");
        assertThatThrownBy(() -> load(m)).isInstanceOf(ImsAuthConfigException.class)
                .hasMessageStartingWith("ims.userinfo").hasMessageContaining("auto, always or never");
    }

    @Test
    void rejectsScopesWithoutOpenid() {
        Map<String, String> m = minimal();
        m.put("ims.scopes", "itwin-platform offline_access");
        assertThatThrownBy(() -> load(m)).hasMessageStartingWith("ims.scopes").hasMessageContaining("openid");
    }

    @Test
    void rejectsPlainHttpIssuerUnlessLoopbackIsExplicitlyAllowed() {
        Map<String, String> m = minimal();
        m.put("ims.issuer", "http://ims.example.com");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("https");
        m.put("ims.issuer", "http://127.0.0.1:9000");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("ims.allow-insecure-loopback");
        m.put("ims.allow-insecure-loopback", "true");
        assertThat(load(m).issuer()).hasToString("http://127.0.0.1:9000");
    }

    @Test
    void rejectsSymmetricOrNoneIdTokenAlgorithms() {
        Map<String, String> m = minimal();
        m.put("ims.id-token-algorithms", "RS256,HS256");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("HS256");
        m.put("ims.id-token-algorithms", "none");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("none");
    }

    @Test
    void parsesDurationsInSeveralForms() {
        Map<String, String> m = minimal();
        m.put("ims.clock-skew", "90s");
        m.put("ims.login-timeout", "5m");
        m.put("ims.read-timeout", "PT2S");
        m.put("ims.connect-timeout", "1500ms");
        m.put("ims.refresh-margin", "30");
        ImsAuthConfig c = load(m);
        assertThat(c.clockSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.loginTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.refreshMargin()).isEqualTo(Duration.ofSeconds(30));
        m.put("ims.clock-skew", "a minute");
        assertThatThrownBy(() -> load(m)).hasMessageStartingWith("ims.clock-skew");
    }

    @Test
    void rejectsProtocolRelativeOrForeignRedirectUris() {
        Map<String, String> m = minimal();
        m.put("ims.redirect-uri", "//evil.example/cb");
        assertThatThrownBy(() -> load(m)).hasMessageStartingWith("ims.redirect-uri");
        m.put("ims.redirect-uri", "http://portal.example.com/cb");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("https");
        m.put("ims.redirect-uri", "https://portal.example.com/app/signin-oidc");
        assertThat(load(m).redirectUriIsRelative()).isFalse();
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertThat(ConfigSource.environmentName("ims.client-id")).isEqualTo("IMS_CLIENT_ID");
        ImsAuthConfig c = ImsAuthConfig.load(ConfigSource.environment(Map.of("IMS_CLIENT_ID", "from-env",
                "IMS_SCOPES", "openid itwin-platform")));
        assertThat(c.clientId()).isEqualTo("from-env");
        assertThat(c.scopes()).isEqualTo(List.of("openid", "itwin-platform"));
    }

    @Test
    void earlierSourcesWin() {
        ConfigSource first = ConfigSource.of(Map.of("ims.client-id", "init-param"));
        ConfigSource second = ConfigSource.of(Map.of("ims.client-id", "env", "ims.groups-claim", "groups"));
        ImsAuthConfig c = ImsAuthConfig.load(first.orElse(second));
        assertThat(c.clientId()).isEqualTo("init-param");
        assertThat(c.groupsClaim()).isEqualTo("groups");
    }

    @Test
    void lifecycleKeysHaveDefaultsAndLoad() {
        ImsAuthConfig defaults = load(minimal());
        assertThat(defaults.apiPaths()).isEmpty();
        assertThat(defaults.apiDetection()).isTrue();
        assertThat(defaults.serviceScopes()).containsExactly("itwin-platform");
        assertThat(defaults.serviceTokenRetries()).isEqualTo(2);
        assertThat(defaults.apiTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.apiRetryBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.refreshMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.logoutPath()).isEqualTo("/logout");

        Map<String, String> m = minimal();
        m.put("ims.api-paths", "/api/*, /graphql");
        m.put("ims.api-detection", "false");
        m.put("ims.service-scopes", "itwin-platform imodels:read");
        m.put("ims.service-token-retries", "4");
        m.put("ims.api-timeout", "45s");
        m.put("ims.api-retry-budget", "0");
        m.put("ims.refresh-margin", "2m");
        ImsAuthConfig c = load(m);
        assertThat(c.apiPaths()).containsExactly("/api/*", "/graphql");
        assertThat(c.apiDetection()).isFalse();
        assertThat(c.serviceScopes()).containsExactly("itwin-platform", "imodels:read");
        assertThat(c.serviceTokenRetries()).isEqualTo(4);
        assertThat(c.apiTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.apiRetryBudget()).isZero();
        assertThat(c.refreshMargin()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rejectsUserScopesForServiceAppsAndBadRetryCounts() {
        Map<String, String> m = minimal();
        m.put("ims.service-scopes", "itwin-platform openid");
        assertThatThrownBy(() -> load(m)).isInstanceOf(ImsAuthConfigException.class)
                .hasMessageContaining("ims.service-scopes").hasMessageContaining("'openid'");
        Map<String, String> r = minimal();
        r.put("ims.service-token-retries", "50");
        assertThatThrownBy(() -> load(r)).hasMessageContaining("ims.service-token-retries");
        Map<String, String> p = minimal();
        p.put("ims.api-paths", "api/*");
        assertThatThrownBy(() -> load(p)).hasMessageContaining("ims.api-paths");
    }

    @Test
    void reportsEveryBadKeyAtOnceEachWithItsFix() {
        Map<String, String> m = new HashMap<>();
        m.put("ims.issuer", "http://ims.example.com");
        m.put("ims.scopes", "itwin-platform");
        m.put("ims.clock-skew", "a minute");
        m.put("ims.max-pending-logins", "many");
        m.put("ims.api-paths", "api/*");
        m.put("ims.service-scopes", "openid");
        m.put("ims.id-token-algorithms", "HS256");
        m.put("ims.read-timeout", "0s");

        assertThatThrownBy(() -> load(m)).isInstanceOfSatisfying(ImsAuthConfigException.class, e -> {
            assertThat(e.problems()).extracting(ImsAuthConfigException.Problem::key).containsExactlyInAnyOrder(
                    "ims.issuer", "ims.client-id", "ims.scopes", "ims.clock-skew", "ims.max-pending-logins",
                    "ims.api-paths", "ims.service-scopes", "ims.id-token-algorithms", "ims.read-timeout");
            assertThat(e.getMessage()).startsWith("9 problems in the ims-auth configuration:")
                    .contains("ims.issuer: must use https", "IMS_CLIENT_ID", "ims.scopes: must contain openid",
                            "ims.clock-skew: must be a duration such as", "ims.max-pending-logins: must be a whole number",
                            "ims.read-timeout: must be a positive duration");
            assertThat(e.key()).isEqualTo(e.problems().get(0).key());
        });
    }

    @Test
    void aSingleProblemKeepsTheOneLineKeyColonFixMessage() {
        Map<String, String> m = minimal();
        m.put("ims.max-pending-logins", "0");
        assertThatThrownBy(() -> load(m)).isInstanceOfSatisfying(ImsAuthConfigException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.getMessage()).isEqualTo("ims.max-pending-logins: must be between 1 and 100; got 0");
        });
    }
}
