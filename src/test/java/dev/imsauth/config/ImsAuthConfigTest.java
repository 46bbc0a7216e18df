package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertThat(c.provider().issuer()).hasToString("https://ims.bentley.com");
        assertThat(c.signIn().scopes()).containsExactly("openid", "profile", "email", "itwin-platform", "offline_access");
        assertThat(c.provider().clientAuthMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(c.signIn().redirectUri()).isEqualTo("/signin-oidc");
        assertThat(c.provider().clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.signIn().loginTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.provider().idTokenAlgorithms()).containsExactly("RS256");
        assertThat(c.api().baseUrl()).hasToString("https://api.bentley.com");
    }

    @Test
    void signOutDefaultsLandOnTheBuiltInSignedOutPage() {
        ImsAuthConfig c = load(minimal());
        assertThat(c.signIn().signedOutPath()).isEqualTo("/signed-out");
        assertThat(c.signIn().postLogoutRedirectUri()).isEqualTo("/signed-out");
        assertThat(c.signIn().backChannelLogoutPath()).isEqualTo("/backchannel-logout");
        assertThat(c.signIn().logoutStoreDataSource()).isEmpty();
        assertThat(c.signIn().logoutCheckInterval()).hasSeconds(10);
        Map<String, String> m = minimal();
        m.put("ims.signed-out-path", "/bye");
        m.put("ims.logout-store-datasource", " java:comp/env/jdbc/sessions ");
        assertThat(load(m).signIn().postLogoutRedirectUri()).as("follows the signed-out path").isEqualTo("/bye");
        assertThat(load(m).signIn().logoutStoreDataSource()).contains("java:comp/env/jdbc/sessions");
    }

    @Test
    void rejectsSignOutPathsThatCollideOrAnUnboundedCheckInterval() {
        Map<String, String> same = minimal();
        same.put("ims.signed-out-path", "/logout");
        assertThatThrownBy(() -> load(same)).hasMessageContaining("ims.signed-out-path");
        Map<String, String> notAPath = minimal();
        notAPath.put("ims.backchannel-logout-path", "backchannel");
        assertThatThrownBy(() -> load(notAPath)).hasMessageContaining("ims.backchannel-logout-path");
        Map<String, String> slow = minimal();
        slow.put("ims.logout-check-interval", "2h");
        assertThatThrownBy(() -> load(slow)).hasMessageContaining("ims.logout-check-interval");
        Map<String, String> zero = minimal();
        zero.put("ims.logout-check-interval", "0s");
        assertThatThrownBy(() -> load(zero)).hasMessageContaining("ims.logout-check-interval");
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
        assertThat(c.provider().clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(c.toString()).doesNotContain("s3cr3t-value");
        assertThat(c.provider().clientSecret().orElseThrow().reveal()).isEqualTo("s3cr3t-value");
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
        assertThat(defaults.provider().userInfo()).isEqualTo(UserInfoMode.AUTO);
        assertThat(defaults.signIn().offlineAccessPromptConsent()).isFalse();
        Map<String, String> m = minimal();
        m.put("ims.userinfo", "Always");
        m.put("ims.offline-access-prompt-consent", "yes");
        ImsAuthConfig c = load(m);
        assertThat(c.provider().userInfo()).isEqualTo(UserInfoMode.ALWAYS);
        assertThat(c.signIn().offlineAccessPromptConsent()).isTrue();
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
        assertThat(load(m).provider().issuer()).hasToString("http://127.0.0.1:9000");
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
        assertThat(c.provider().clockSkew()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.signIn().loginTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.provider().readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.provider().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.provider().refreshMargin()).isEqualTo(Duration.ofSeconds(30));
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
        assertThat(load(m).signIn().redirectUriIsRelative()).isFalse();
    }

    @Test
    void environmentNamesFollowMicroProfileMapping() {
        assertThat(ConfigKey.CLIENT_ID.environmentVariable()).isEqualTo("IMS_CLIENT_ID");
        ImsAuthConfig c = ImsAuthConfig.load(ConfigSource.environment(Map.of("IMS_CLIENT_ID", "from-env",
                "IMS_SCOPES", "openid itwin-platform")));
        assertThat(c.provider().clientId()).isEqualTo("from-env");
        assertThat(c.signIn().scopes()).isEqualTo(List.of("openid", "itwin-platform"));
    }

    @Test
    void earlierSourcesWin() {
        ConfigSource first = ConfigSource.of(Map.of("ims.client-id", "init-param"));
        ConfigSource second = ConfigSource.of(Map.of("ims.client-id", "env", "ims.groups-claim", "groups"));
        ImsAuthConfig c = ImsAuthConfig.load(first.orElse(second));
        assertThat(c.provider().clientId()).isEqualTo("init-param");
        assertThat(c.provider().groupsClaim()).isEqualTo("groups");
    }

    @Test
    void lifecycleKeysHaveDefaultsAndLoad() {
        ImsAuthConfig defaults = load(minimal());
        assertThat(defaults.signIn().apiPaths()).isEmpty();
        assertThat(defaults.signIn().apiDetection()).isTrue();
        assertThat(defaults.api().serviceScopes()).containsExactly("itwin-platform");
        assertThat(defaults.api().serviceTokenRetries()).isEqualTo(2);
        assertThat(defaults.api().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.api().retryBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.provider().refreshMargin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.signIn().logoutPath()).isEqualTo("/logout");

        Map<String, String> m = minimal();
        m.put("ims.api-paths", "/api/*, /graphql");
        m.put("ims.api-detection", "false");
        m.put("ims.service-scopes", "itwin-platform imodels:read");
        m.put("ims.service-token-retries", "4");
        m.put("ims.api-timeout", "45s");
        m.put("ims.api-retry-budget", "0");
        m.put("ims.refresh-margin", "2m");
        ImsAuthConfig c = load(m);
        assertThat(c.signIn().apiPaths()).containsExactly("/api/*", "/graphql");
        assertThat(c.signIn().apiDetection()).isFalse();
        assertThat(c.api().serviceScopes()).containsExactly("itwin-platform", "imodels:read");
        assertThat(c.api().serviceTokenRetries()).isEqualTo(4);
        assertThat(c.api().timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.api().retryBudget()).isZero();
        assertThat(c.provider().refreshMargin()).isEqualTo(Duration.ofMinutes(2));
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

    @Test
    void loadingAsksTheSourcesForTheKeysOfTheTableAndNoOthers() {
        List<String> asked = new ArrayList<>();
        ConfigSource recording = key -> {
            asked.add(key);
            return key.equals("ims.client-id") || key.equals("ims.client-secret") ? Optional.of("x") : Optional.empty();
        };
        ImsAuthConfig.load(recording);
        assertThat(asked).containsExactlyInAnyOrderElementsOf(keys(k -> k.part() != ConfigKey.Part.SERVICE_APP));
        asked.clear();
        ServiceClientSettings.load(recording);
        assertThat(asked).containsExactlyInAnyOrderElementsOf(keys(ConfigKey::readByServiceClients))
                .contains("ims.service-client-id", "ims.token-endpoint").doesNotContain("ims.redirect-uri", "ims.scopes");
    }

    @Test
    void aKeySetAsTextInCodeIsParsedAndCheckedLikeASourcesValue() {
        ImsAuthConfig c = ImsAuthConfig.builder().clientId("portal").set(ConfigKey.LOGIN_TIMEOUT, "15m")
                .set(ConfigKey.PUBLIC_PATHS, "/ /css/*").build();
        assertThat(c.signIn().loginTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.signIn().publicPaths()).containsExactly("/", "/css/*");
        assertThatThrownBy(() -> ImsAuthConfig.builder().clientId("portal").set(ConfigKey.CLOCK_SKEW, "a minute")
                .set(ConfigKey.MAX_PENDING_LOGINS, "0").build())
                .isInstanceOfSatisfying(ImsAuthConfigException.class, e -> assertThat(e.problems())
                        .extracting(ImsAuthConfigException.Problem::key)
                        .containsExactlyInAnyOrder("ims.clock-skew", "ims.max-pending-logins"));
    }

    private static List<String> keys(java.util.function.Predicate<ConfigKey> filter) {
        return java.util.Arrays.stream(ConfigKey.values()).filter(filter).map(ConfigKey::key).toList();
    }
}
