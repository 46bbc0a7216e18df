package dev.imsauth.config;

import static dev.imsauth.config.ConfigKey.*;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds an {@link ImsAuthConfig} from the defaults of the {@link ConfigKey} table and the values given, and
 * validates it so that a bad deployment fails at start with one message that names every bad key and its fix.
 * Each setter stores into the key's slot; {@link #set(ConfigKey, String)} takes any key as text, as a
 * {@link ConfigSource} gives it.
 */
public final class ImsAuthConfigBuilder {
    /** The keys of a signing-in application: all but those of a separate service app registration. */
    private static final Predicate<ConfigKey> KEYS = k -> k.part() != Part.SERVICE_APP;
    private final ConfigValues values = new ConfigValues();

    ImsAuthConfigBuilder() {
    }

    /** Reads every documented key that the source sets; unset keys keep their defaults. */
    static ImsAuthConfigBuilder from(ConfigSource source) {
        ImsAuthConfigBuilder b = new ImsAuthConfigBuilder();
        b.values.read(source, KEYS);
        return b;
    }

    /** Sets a key from its text form, as in a configuration file; {@code null} or blank restores the default. */
    public ImsAuthConfigBuilder set(ConfigKey key, String value) {
        values.parse(key, value);
        return this;
    }

    private ImsAuthConfigBuilder put(ConfigKey key, Object value) {
        values.put(key, value);
        return this;
    }

    public ImsAuthConfigBuilder issuer(String v) { return put(ISSUER, v); }
    public ImsAuthConfigBuilder clientId(String v) { return put(CLIENT_ID, v); }
    public ImsAuthConfigBuilder clientSecret(String v) { return put(CLIENT_SECRET, v); }
    public ImsAuthConfigBuilder clientAuthMethod(ClientAuthMethod v) { return put(CLIENT_AUTH_METHOD, v.value()); }
    public ImsAuthConfigBuilder redirectUri(String v) { return put(REDIRECT_URI, v); }
    public ImsAuthConfigBuilder scopes(List<String> v) { return put(SCOPES, v); }
    public ImsAuthConfigBuilder publicPaths(List<String> v) { return put(PUBLIC_PATHS, v); }
    public ImsAuthConfigBuilder logoutPath(String v) { return put(LOGOUT_PATH, v); }
    public ImsAuthConfigBuilder postLogoutRedirectUri(String v) { return put(POST_LOGOUT_REDIRECT_URI, v); }
    public ImsAuthConfigBuilder clockSkew(Duration v) { return put(CLOCK_SKEW, v); }
    public ImsAuthConfigBuilder connectTimeout(Duration v) { return put(CONNECT_TIMEOUT, v); }
    public ImsAuthConfigBuilder readTimeout(Duration v) { return put(READ_TIMEOUT, v); }
    public ImsAuthConfigBuilder loginTimeout(Duration v) { return put(LOGIN_TIMEOUT, v); }
    public ImsAuthConfigBuilder maxPendingLogins(int v) { return put(MAX_PENDING_LOGINS, v); }
    public ImsAuthConfigBuilder principalClaim(String v) { return put(PRINCIPAL_CLAIM, v); }
    public ImsAuthConfigBuilder groupsClaim(String v) { return put(GROUPS_CLAIM, v); }
    public ImsAuthConfigBuilder allowInsecureLoopback(boolean v) { return put(ALLOW_INSECURE_LOOPBACK, v); }
    public ImsAuthConfigBuilder trustForwardedHeaders(boolean v) { return put(TRUST_FORWARDED_HEADERS, v); }
    public ImsAuthConfigBuilder publicBaseUrl(String v) { return put(PUBLIC_BASE_URL, v); }
    public ImsAuthConfigBuilder refreshMargin(Duration v) { return put(REFRESH_MARGIN, v); }
    public ImsAuthConfigBuilder idTokenAlgorithms(List<String> v) { return put(ID_TOKEN_ALGORITHMS, v); }
    public ImsAuthConfigBuilder maxResponseBytes(int v) { return put(MAX_RESPONSE_SIZE, v); }
    public ImsAuthConfigBuilder jwksRefreshInterval(Duration v) { return put(JWKS_REFRESH_INTERVAL, v); }
    public ImsAuthConfigBuilder discoveryRetry(Duration v) { return put(DISCOVERY_RETRY, v); }
    public ImsAuthConfigBuilder apiBaseUrl(String v) { return put(API_BASE_URL, v); }
    public ImsAuthConfigBuilder apiPaths(List<String> v) { return put(API_PATHS, v); }
    public ImsAuthConfigBuilder apiDetection(boolean v) { return put(API_DETECTION, v); }
    public ImsAuthConfigBuilder serviceScopes(List<String> v) { return put(SERVICE_SCOPES, v); }
    public ImsAuthConfigBuilder serviceTokenRetries(int v) { return put(SERVICE_TOKEN_RETRIES, v); }
    public ImsAuthConfigBuilder apiTimeout(Duration v) { return put(API_TIMEOUT, v); }
    public ImsAuthConfigBuilder apiRetryBudget(Duration v) { return put(API_RETRY_BUDGET, v); }
    public ImsAuthConfigBuilder offlineAccessPromptConsent(boolean v) { return put(OFFLINE_ACCESS_PROMPT_CONSENT, v); }
    public ImsAuthConfigBuilder userInfo(UserInfoMode v) { return put(USERINFO, v.name()); }
    public ImsAuthConfigBuilder signedOutPath(String v) { return put(SIGNED_OUT_PATH, v); }
    public ImsAuthConfigBuilder backChannelLogoutPath(String v) { return put(BACKCHANNEL_LOGOUT_PATH, v); }
    public ImsAuthConfigBuilder logoutStoreDataSource(String v) { return put(LOGOUT_STORE_DATASOURCE, v); }
    public ImsAuthConfigBuilder logoutCheckInterval(Duration v) { return put(LOGOUT_CHECK_INTERVAL, v); }
    public ImsAuthConfigBuilder authorizationParams(String v) { return put(AUTHORIZATION_PARAMS, v); }
    public ImsAuthConfigBuilder errorPage(String v) { return put(ERROR_PAGE, v); }
    public ImsAuthConfigBuilder logoutConfirmPage(String v) { return put(LOGOUT_CONFIRM_PAGE, v); }
    public ImsAuthConfigBuilder signedOutPage(String v) { return put(SIGNED_OUT_PAGE, v); }
    public ImsAuthConfigBuilder healthProbeInterval(Duration v) { return put(HEALTH_PROBE_INTERVAL, v); }
    public ImsAuthConfigBuilder warningInterval(Duration v) { return put(WARNING_INTERVAL, v); }

    /**
     * Validates everything and returns the immutable configuration.
     *
     * @throws ImsAuthConfigException listing every invalid or missing key at once, each with its fix
     */
    public ImsAuthConfig build() {
        ConfigProblems p = values.checked(KEYS);
        ProviderSettings provider = ProviderSettings.forSignIn(values, p);
        SignInSettings signIn = SignInSettings.read(values, p);
        ApiSettings api = ApiSettings.read(values, p);
        p.throwIfAny();
        return new ImsAuthConfig(provider, signIn, api);
    }
}
