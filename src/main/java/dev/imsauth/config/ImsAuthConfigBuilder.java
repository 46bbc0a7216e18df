package dev.imsauth.config;

import static dev.imsauth.config.ConfigKeys.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an {@link ImsAuthConfig} from defaults and given values, and validates it so that a bad
 * deployment fails at start with one message that names every bad key and its fix.
 */
public final class ImsAuthConfigBuilder {
    static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email", "itwin-platform", "offline_access");
    private static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    private String issuer = ImsAuthConfig.IMS_PRODUCTION.toString();
    private String clientId;
    private String clientSecret;
    private String clientAuthMethod;
    private String redirectUri = "/signin-oidc";
    private List<String> scopes = DEFAULT_SCOPES;
    private List<String> publicPaths = List.of();
    private String logoutPath = "/logout";
    private String postLogoutRedirectUri;
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration loginTimeout = Duration.ofMinutes(10);
    private int maxPendingLogins = 10;
    private String principalClaim = "sub";
    private String groupsClaim = "roles";
    private boolean allowInsecureLoopback;
    private boolean trustForwardedHeaders;
    private String publicBaseUrl;
    private Duration refreshMargin = Duration.ofSeconds(60);
    private List<String> idTokenAlgorithms = List.of("RS256");
    private int maxResponseBytes = 1024 * 1024;
    private Duration jwksRefreshInterval = Duration.ofSeconds(30);
    private Duration discoveryRetry = Duration.ofSeconds(10);
    private String apiBaseUrl = "https://api.bentley.com";
    private List<String> apiPaths = List.of();
    private boolean apiDetection = true;
    private List<String> serviceScopes = List.of("itwin-platform");
    private int serviceTokenRetries = 2;
    private Duration apiTimeout = Duration.ofSeconds(30);
    private Duration apiRetryBudget = Duration.ofSeconds(10);
    private final ConfigProblems readProblems = new ConfigProblems();
    private boolean offlineAccessPromptConsent;
    private String userInfo = "auto";
    private String signedOutPath = "/signed-out";
    private String backChannelLogoutPath = "/backchannel-logout";
    private String logoutStoreDataSource;
    private Duration logoutCheckInterval = Duration.ofSeconds(10);
    private String authorizationParams;
    private String errorPage;
    private String logoutConfirmPage;
    private String signedOutPage;
    private Duration healthProbeInterval = Duration.ofSeconds(10);
    private Duration warningInterval = Duration.ofMinutes(1);

    ImsAuthConfigBuilder() {
    }

    /** Reads every documented key that the source sets; unset keys keep their defaults. */
    static ImsAuthConfigBuilder from(ConfigSource source) {
        ImsAuthConfigBuilder b = new ImsAuthConfigBuilder();
        ValueReader r = new ValueReader(source, b.readProblems);
        r.string(ISSUER).ifPresent(b::issuer);
        r.string(CLIENT_ID).ifPresent(b::clientId);
        r.string(CLIENT_SECRET).ifPresent(b::clientSecret);
        r.string(CLIENT_AUTH_METHOD).ifPresent(v -> b.clientAuthMethod = v);
        r.string(REDIRECT_URI).ifPresent(b::redirectUri);
        r.list(SCOPES).ifPresent(b::scopes);
        r.list(PUBLIC_PATHS).ifPresent(b::publicPaths);
        r.string(LOGOUT_PATH).ifPresent(b::logoutPath);
        r.string(POST_LOGOUT_REDIRECT_URI).ifPresent(b::postLogoutRedirectUri);
        r.duration(CLOCK_SKEW).ifPresent(b::clockSkew);
        r.duration(CONNECT_TIMEOUT).ifPresent(b::connectTimeout);
        r.duration(READ_TIMEOUT).ifPresent(b::readTimeout);
        r.duration(LOGIN_TIMEOUT).ifPresent(b::loginTimeout);
        r.integer(MAX_PENDING_LOGINS).ifPresent(b::maxPendingLogins);
        r.string(PRINCIPAL_CLAIM).ifPresent(b::principalClaim);
        r.string(GROUPS_CLAIM).ifPresent(b::groupsClaim);
        r.bool(ALLOW_INSECURE_LOOPBACK).ifPresent(b::allowInsecureLoopback);
        r.bool(TRUST_FORWARDED_HEADERS).ifPresent(b::trustForwardedHeaders);
        r.string(PUBLIC_BASE_URL).ifPresent(b::publicBaseUrl);
        r.duration(REFRESH_MARGIN).ifPresent(b::refreshMargin);
        r.list(ID_TOKEN_ALGORITHMS).ifPresent(b::idTokenAlgorithms);
        r.integer(MAX_RESPONSE_SIZE).ifPresent(b::maxResponseBytes);
        r.duration(JWKS_REFRESH_INTERVAL).ifPresent(b::jwksRefreshInterval);
        r.duration(DISCOVERY_RETRY).ifPresent(b::discoveryRetry);
        r.string(API_BASE_URL).ifPresent(b::apiBaseUrl);
        r.list(API_PATHS).ifPresent(b::apiPaths);
        r.bool(API_DETECTION).ifPresent(b::apiDetection);
        r.list(SERVICE_SCOPES).ifPresent(b::serviceScopes);
        r.integer(SERVICE_TOKEN_RETRIES).ifPresent(b::serviceTokenRetries);
        r.duration(API_TIMEOUT).ifPresent(b::apiTimeout);
        r.duration(API_RETRY_BUDGET).ifPresent(b::apiRetryBudget);
        r.bool(OFFLINE_ACCESS_PROMPT_CONSENT).ifPresent(b::offlineAccessPromptConsent);
        r.string(USERINFO).ifPresent(v -> b.userInfo = v);
        r.string(SIGNED_OUT_PATH).ifPresent(b::signedOutPath);
        r.string(BACKCHANNEL_LOGOUT_PATH).ifPresent(b::backChannelLogoutPath);
        r.string(LOGOUT_STORE_DATASOURCE).ifPresent(b::logoutStoreDataSource);
        r.duration(LOGOUT_CHECK_INTERVAL).ifPresent(b::logoutCheckInterval);
        r.string(AUTHORIZATION_PARAMS).ifPresent(b::authorizationParams);
        r.string(ERROR_PAGE).ifPresent(b::errorPage);
        r.string(LOGOUT_CONFIRM_PAGE).ifPresent(b::logoutConfirmPage);
        r.string(SIGNED_OUT_PAGE).ifPresent(b::signedOutPage);
        r.duration(HEALTH_PROBE_INTERVAL).ifPresent(b::healthProbeInterval);
        r.duration(WARNING_INTERVAL).ifPresent(b::warningInterval);
        return b;
    }

    public ImsAuthConfigBuilder issuer(String v) { issuer = v; return this; }
    public ImsAuthConfigBuilder clientId(String v) { clientId = v; return this; }
    public ImsAuthConfigBuilder clientSecret(String v) { clientSecret = v; return this; }
    public ImsAuthConfigBuilder clientAuthMethod(ClientAuthMethod v) { clientAuthMethod = v.value(); return this; }
    public ImsAuthConfigBuilder redirectUri(String v) { redirectUri = v; return this; }
    public ImsAuthConfigBuilder scopes(List<String> v) { scopes = List.copyOf(v); return this; }
    public ImsAuthConfigBuilder publicPaths(List<String> v) { publicPaths = List.copyOf(v); return this; }
    public ImsAuthConfigBuilder logoutPath(String v) { logoutPath = v; return this; }
    public ImsAuthConfigBuilder postLogoutRedirectUri(String v) { postLogoutRedirectUri = v; return this; }
    public ImsAuthConfigBuilder clockSkew(Duration v) { clockSkew = v; return this; }
    public ImsAuthConfigBuilder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public ImsAuthConfigBuilder readTimeout(Duration v) { readTimeout = v; return this; }
    public ImsAuthConfigBuilder loginTimeout(Duration v) { loginTimeout = v; return this; }
    public ImsAuthConfigBuilder maxPendingLogins(int v) { maxPendingLogins = v; return this; }
    public ImsAuthConfigBuilder principalClaim(String v) { principalClaim = v; return this; }
    public ImsAuthConfigBuilder groupsClaim(String v) { groupsClaim = v; return this; }
    public ImsAuthConfigBuilder allowInsecureLoopback(boolean v) { allowInsecureLoopback = v; return this; }
    public ImsAuthConfigBuilder trustForwardedHeaders(boolean v) { trustForwardedHeaders = v; return this; }
    public ImsAuthConfigBuilder publicBaseUrl(String v) { publicBaseUrl = v; return this; }
    public ImsAuthConfigBuilder refreshMargin(Duration v) { refreshMargin = v; return this; }
    public ImsAuthConfigBuilder idTokenAlgorithms(List<String> v) { idTokenAlgorithms = List.copyOf(v); return this; }
    public ImsAuthConfigBuilder maxResponseBytes(int v) { maxResponseBytes = v; return this; }
    public ImsAuthConfigBuilder jwksRefreshInterval(Duration v) { jwksRefreshInterval = v; return this; }
    public ImsAuthConfigBuilder discoveryRetry(Duration v) { discoveryRetry = v; return this; }
    public ImsAuthConfigBuilder apiBaseUrl(String v) { apiBaseUrl = v; return this; }
    public ImsAuthConfigBuilder apiPaths(List<String> v) { apiPaths = List.copyOf(v); return this; }
    public ImsAuthConfigBuilder apiDetection(boolean v) { apiDetection = v; return this; }
    public ImsAuthConfigBuilder serviceScopes(List<String> v) { serviceScopes = List.copyOf(v); return this; }
    public ImsAuthConfigBuilder serviceTokenRetries(int v) { serviceTokenRetries = v; return this; }
    public ImsAuthConfigBuilder apiTimeout(Duration v) { apiTimeout = v; return this; }
    public ImsAuthConfigBuilder apiRetryBudget(Duration v) { apiRetryBudget = v; return this; }
    public ImsAuthConfigBuilder offlineAccessPromptConsent(boolean v) { offlineAccessPromptConsent = v; return this; }
    public ImsAuthConfigBuilder userInfo(UserInfoMode v) { userInfo = v.name(); return this; }
    public ImsAuthConfigBuilder signedOutPath(String v) { signedOutPath = v; return this; }
    public ImsAuthConfigBuilder backChannelLogoutPath(String v) { backChannelLogoutPath = v; return this; }
    public ImsAuthConfigBuilder logoutStoreDataSource(String v) { logoutStoreDataSource = v; return this; }
    public ImsAuthConfigBuilder logoutCheckInterval(Duration v) { logoutCheckInterval = v; return this; }
    public ImsAuthConfigBuilder authorizationParams(String v) { authorizationParams = v; return this; }
    public ImsAuthConfigBuilder errorPage(String v) { errorPage = v; return this; }
    public ImsAuthConfigBuilder logoutConfirmPage(String v) { logoutConfirmPage = v; return this; }
    public ImsAuthConfigBuilder signedOutPage(String v) { signedOutPage = v; return this; }
    public ImsAuthConfigBuilder healthProbeInterval(Duration v) { healthProbeInterval = v; return this; }
    public ImsAuthConfigBuilder warningInterval(Duration v) { warningInterval = v; return this; }

    /**
     * Validates everything and returns the immutable configuration.
     *
     * @throws ImsAuthConfigException listing every invalid or missing key at once, each with its fix
     */
    public ImsAuthConfig build() {
        ConfigProblems p = new ConfigProblems();
        p.addAll(readProblems);
        UrlRules urls = new UrlRules(allowInsecureLoopback);
        URI issuerUri = p.value(() -> urls.providerUrl(ISSUER, issuer)); // kept exactly: discovery must name this very string
        String id = p.required(CLIENT_ID, clientId, "the client id of the app registered at developer.bentley.com");
        Optional<Secret> secret = Optional.ofNullable(clientSecret).filter(s -> !s.isBlank()).map(Secret::of);
        ClientAuthMethod method = p.value(() -> authMethod(secret.isPresent()));
        String redirect = p.value(() -> urls.appUrlOrPath(REDIRECT_URI, redirectUri));
        if (!scopes.contains("openid")) {
            p.add(SCOPES, "must contain openid (sign-in is OpenID Connect); got '" + String.join(" ", scopes) + "'");
        }
        publicPaths.forEach(path -> p.path(PUBLIC_PATHS, path));
        apiPaths.forEach(path -> p.path(API_PATHS, path));
        p.run(() -> ServiceScopes.check(SERVICE_SCOPES, serviceScopes));
        p.between(SERVICE_TOKEN_RETRIES, serviceTokenRetries, 0, 10);
        checkAlgorithms(p);
        p.between(MAX_PENDING_LOGINS, maxPendingLogins, 1, 100);
        if (maxResponseBytes < 4096) {
            p.add(MAX_RESPONSE_SIZE, "must be at least 4096 bytes; got " + maxResponseBytes);
        }
        String logout = p.path(LOGOUT_PATH, logoutPath);
        String signedOut = p.path(SIGNED_OUT_PATH, signedOutPath);
        String backChannel = p.path(BACKCHANNEL_LOGOUT_PATH, backChannelLogoutPath);
        if (signedOutPath != null && (signedOutPath.equals(logoutPath) || signedOutPath.equals(backChannelLogoutPath)
                || logoutPath.equals(backChannelLogoutPath))) {
            p.add(SIGNED_OUT_PATH, "must differ from " + LOGOUT_PATH + " and " + BACKCHANNEL_LOGOUT_PATH + "; got "
                    + signedOutPath + ", " + logoutPath + ", " + backChannelLogoutPath);
        }
        String postLogout = postLogoutRedirectUri == null || postLogoutRedirectUri.isBlank() ? signedOut
                : p.value(() -> urls.appUrlOrPath(POST_LOGOUT_REDIRECT_URI, postLogoutRedirectUri));
        if (logoutCheckInterval != null && logoutCheckInterval.compareTo(Duration.ofHours(1)) > 0) {
            p.add(LOGOUT_CHECK_INTERVAL, "must be at most 1h (it is how long a back-channel logout may take to reach "
                    + "another node); got " + logoutCheckInterval);
        }
        String principal = p.required(PRINCIPAL_CLAIM, principalClaim, "a claim name such as sub or email");
        String groups = p.required(GROUPS_CLAIM, groupsClaim, "a claim name such as roles or groups");
        Optional<URI> publicBase = Optional.ofNullable(publicBaseUrl).filter(s -> !s.isBlank())
                .map(s -> p.value(() -> urls.origin(PUBLIC_BASE_URL, stripTrailingSlash(s))));
        URI api = p.value(() -> urls.providerUrl(API_BASE_URL, stripTrailingSlash(apiBaseUrl)));
        UserInfoMode userInfoMode = p.value(() -> UserInfoMode.parse(USERINFO, userInfo));
        checkDurations(p);
        java.util.Map<String, String> extraParams = p.value(() -> AuthorizationParams.parse(AUTHORIZATION_PARAMS,
                authorizationParams));
        Optional<String> error = optionalPath(p, ERROR_PAGE, errorPage);
        Optional<String> confirm = optionalPath(p, LOGOUT_CONFIRM_PAGE, logoutConfirmPage);
        Optional<String> signedOutApp = optionalPath(p, SIGNED_OUT_PAGE, signedOutPage);
        if (signedOutApp.isPresent() && signedOutApp.get().equals(signedOutPath)) {
            p.add(SIGNED_OUT_PAGE, "must differ from " + SIGNED_OUT_PATH + " (" + signedOutPath + "), which forwards to it");
        }
        p.throwIfAny();
        return new ImsAuthConfig(issuerUri, id, secret, method, redirect, scopes, publicPaths, logout, postLogout,
                clockSkew, connectTimeout, readTimeout, loginTimeout, maxPendingLogins, principal, groups,
                allowInsecureLoopback, trustForwardedHeaders, publicBase, refreshMargin, idTokenAlgorithms,
                maxResponseBytes, jwksRefreshInterval, discoveryRetry, api, apiPaths, apiDetection, serviceScopes,
                serviceTokenRetries, apiTimeout, apiRetryBudget, signedOut, backChannel,
                Optional.ofNullable(logoutStoreDataSource).map(String::trim).filter(v -> !v.isEmpty()),
                logoutCheckInterval, offlineAccessPromptConsent, userInfoMode, extraParams, error, confirm,
                signedOutApp, healthProbeInterval, warningInterval);
    }

    private static Optional<String> optionalPath(ConfigProblems p, String key, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(p.path(key, value.trim()));
    }

    private void checkAlgorithms(ConfigProblems p) {
        for (String alg : idTokenAlgorithms) {
            if (!ASYMMETRIC_ALGORITHMS.contains(alg)) {
                p.add(ID_TOKEN_ALGORITHMS, "'" + alg + "' is not accepted; use asymmetric algorithms such as RS256 "
                        + "(never none or HS*)");
            }
        }
        if (idTokenAlgorithms.isEmpty()) {
            p.add(ID_TOKEN_ALGORITHMS, "must name at least one algorithm, e.g. RS256");
        }
    }

    private void checkDurations(ConfigProblems p) {
        p.nonNegative(CLOCK_SKEW, clockSkew);
        p.positive(CONNECT_TIMEOUT, connectTimeout);
        p.positive(READ_TIMEOUT, readTimeout);
        p.positive(LOGIN_TIMEOUT, loginTimeout);
        p.nonNegative(REFRESH_MARGIN, refreshMargin);
        p.nonNegative(JWKS_REFRESH_INTERVAL, jwksRefreshInterval);
        p.positive(DISCOVERY_RETRY, discoveryRetry);
        p.positive(API_TIMEOUT, apiTimeout);
        p.nonNegative(API_RETRY_BUDGET, apiRetryBudget);
        p.positive(LOGOUT_CHECK_INTERVAL, logoutCheckInterval);
        p.nonNegative(HEALTH_PROBE_INTERVAL, healthProbeInterval);
        p.positive(WARNING_INTERVAL, warningInterval);
    }

    private ClientAuthMethod authMethod(boolean hasSecret) {
        if (clientAuthMethod == null) {
            return hasSecret ? ClientAuthMethod.CLIENT_SECRET_BASIC : ClientAuthMethod.NONE;
        }
        ClientAuthMethod method = ClientAuthMethod.parseForKey(CLIENT_AUTH_METHOD, clientAuthMethod);
        if (method != ClientAuthMethod.NONE && !hasSecret) {
            throw new ImsAuthConfigException(CLIENT_SECRET, "is required when " + CLIENT_AUTH_METHOD + " is "
                    + method.value() + "; set it, or use " + CLIENT_AUTH_METHOD + "=none for a public client");
        }
        if (method == ClientAuthMethod.NONE && hasSecret) {
            throw new ImsAuthConfigException(CLIENT_AUTH_METHOD, "is none but " + CLIENT_SECRET
                    + " is set; remove the secret or choose client_secret_basic");
        }
        return method;
    }

    private static String stripTrailingSlash(String s) {
        return ConfigProblems.stripTrailingSlash(s);
    }
}
