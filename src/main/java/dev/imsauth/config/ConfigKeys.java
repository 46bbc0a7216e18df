package dev.imsauth.config;

/**
 * Every configuration key. The same key is a filter init-param, a MicroProfile Config property and a
 * system property; the environment variable is the upper-case form ({@code IMS_CLIENT_ID}).
 * docs/configuration.md has a row for each.
 */
public final class ConfigKeys {
    public static final String ISSUER = "ims.issuer";
    public static final String CLIENT_ID = "ims.client-id";
    public static final String CLIENT_SECRET = "ims.client-secret";
    public static final String CLIENT_AUTH_METHOD = "ims.client-auth-method";
    public static final String REDIRECT_URI = "ims.redirect-uri";
    public static final String SCOPES = "ims.scopes";
    public static final String PUBLIC_PATHS = "ims.public-paths";
    public static final String LOGOUT_PATH = "ims.logout-path";
    public static final String POST_LOGOUT_REDIRECT_URI = "ims.post-logout-redirect-uri";
    public static final String CLOCK_SKEW = "ims.clock-skew";
    public static final String CONNECT_TIMEOUT = "ims.connect-timeout";
    public static final String READ_TIMEOUT = "ims.read-timeout";
    public static final String LOGIN_TIMEOUT = "ims.login-timeout";
    public static final String MAX_PENDING_LOGINS = "ims.max-pending-logins";
    public static final String PRINCIPAL_CLAIM = "ims.principal-claim";
    public static final String GROUPS_CLAIM = "ims.groups-claim";
    public static final String ALLOW_INSECURE_LOOPBACK = "ims.allow-insecure-loopback";
    public static final String TRUST_FORWARDED_HEADERS = "ims.trust-forwarded-headers";
    public static final String PUBLIC_BASE_URL = "ims.public-base-url";
    public static final String REFRESH_MARGIN = "ims.refresh-margin";
    public static final String ID_TOKEN_ALGORITHMS = "ims.id-token-algorithms";
    public static final String MAX_RESPONSE_SIZE = "ims.max-response-size";
    public static final String JWKS_REFRESH_INTERVAL = "ims.jwks-refresh-interval";
    public static final String DISCOVERY_RETRY = "ims.discovery-retry";
    public static final String API_BASE_URL = "ims.api-base-url";
    public static final String API_PATHS = "ims.api-paths";
    public static final String API_DETECTION = "ims.api-detection";
    public static final String SERVICE_SCOPES = "ims.service-scopes";
    public static final String SERVICE_TOKEN_RETRIES = "ims.service-token-retries";
    public static final String API_TIMEOUT = "ims.api-timeout";
    public static final String API_RETRY_BUDGET = "ims.api-retry-budget";
    public static final String SIGNED_OUT_PATH = "ims.signed-out-path";
    public static final String BACKCHANNEL_LOGOUT_PATH = "ims.backchannel-logout-path";
    public static final String LOGOUT_STORE_DATASOURCE = "ims.logout-store-datasource";
    public static final String LOGOUT_CHECK_INTERVAL = "ims.logout-check-interval";
    /** Service clients: the token endpoint to call instead of discovering it from {@code ims.issuer}. */
    public static final String TOKEN_ENDPOINT = "ims.token-endpoint";
    /** Service clients: the service app's own client id, when it differs from the sign-in app's {@code ims.client-id}. */
    public static final String SERVICE_CLIENT_ID = "ims.service-client-id";
    /** Service clients: the service app's secret, read together with {@link #SERVICE_CLIENT_ID}. */
    public static final String SERVICE_CLIENT_SECRET = "ims.service-client-secret";
    public static final String OFFLINE_ACCESS_PROMPT_CONSENT = "ims.offline-access-prompt-consent";
    public static final String USERINFO = "ims.userinfo";
    /** Event listeners to create, by class name (docs/events.md). */
    public static final String EVENT_LISTENERS = "ims.event-listeners";

    private ConfigKeys() {
    }
}
