package dev.imsauth.config;

import static dev.imsauth.config.ConfigKeys.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link ServiceClientSettings}: issuer (or token endpoint), client id, secret, scopes and timeouts.
 * {@link #build()} checks every value and reports all problems at once, each naming its key and fix.
 */
public final class ServiceClientSettingsBuilder {
    private String issuer = ImsAuthConfig.IMS_PRODUCTION.toString();
    private String tokenEndpoint;
    private String clientId;
    private String clientSecret;
    private String clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC.value();
    private List<String> scopes = List.of("itwin-platform");
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private int retries = 2;
    private Duration refreshMargin = Duration.ofSeconds(60);
    private String apiBaseUrl = "https://api.bentley.com";
    private Duration apiTimeout = Duration.ofSeconds(30);
    private Duration apiRetryBudget = Duration.ofSeconds(10);
    private boolean allowInsecureLoopback;
    private final ConfigProblems readProblems = new ConfigProblems();
    private String idKey = CLIENT_ID;
    private String secretKey = CLIENT_SECRET;

    ServiceClientSettingsBuilder() {
    }

    static ServiceClientSettingsBuilder from(ConfigSource source) {
        ServiceClientSettingsBuilder b = new ServiceClientSettingsBuilder();
        ValueReader r = new ValueReader(source, b.readProblems);
        r.string(ISSUER).ifPresent(b::issuer);
        r.string(TOKEN_ENDPOINT).ifPresent(b::tokenEndpoint);
        Optional<String> ownId = r.string(SERVICE_CLIENT_ID);
        if (ownId.isPresent()) {
            b.clientId(ownId.get());
            b.idKey = SERVICE_CLIENT_ID;
            b.secretKey = SERVICE_CLIENT_SECRET;
            r.string(SERVICE_CLIENT_SECRET).ifPresent(b::clientSecret);
        } else {
            r.string(CLIENT_ID).ifPresent(b::clientId);
            r.string(CLIENT_SECRET).ifPresent(b::clientSecret);
            r.string(CLIENT_AUTH_METHOD).ifPresent(v -> b.clientAuthMethod = v);
        }
        r.list(SERVICE_SCOPES).ifPresent(b::scopes);
        r.duration(CONNECT_TIMEOUT).ifPresent(b::connectTimeout);
        r.duration(READ_TIMEOUT).ifPresent(b::readTimeout);
        r.integer(SERVICE_TOKEN_RETRIES).ifPresent(b::retries);
        r.duration(REFRESH_MARGIN).ifPresent(b::refreshMargin);
        r.string(API_BASE_URL).ifPresent(b::apiBaseUrl);
        r.duration(API_TIMEOUT).ifPresent(b::apiTimeout);
        r.duration(API_RETRY_BUDGET).ifPresent(b::apiRetryBudget);
        r.bool(ALLOW_INSECURE_LOOPBACK).ifPresent(b::allowInsecureLoopback);
        return b;
    }

    public ServiceClientSettingsBuilder issuer(String v) { issuer = v; return this; }
    public ServiceClientSettingsBuilder tokenEndpoint(String v) { tokenEndpoint = v; return this; }
    public ServiceClientSettingsBuilder clientId(String v) { clientId = v; return this; }
    public ServiceClientSettingsBuilder clientSecret(String v) { clientSecret = v; return this; }
    public ServiceClientSettingsBuilder clientAuthMethod(ClientAuthMethod v) { clientAuthMethod = v.value(); return this; }
    public ServiceClientSettingsBuilder scopes(List<String> v) { scopes = List.copyOf(v); return this; }
    public ServiceClientSettingsBuilder connectTimeout(Duration v) { connectTimeout = v; return this; }
    public ServiceClientSettingsBuilder readTimeout(Duration v) { readTimeout = v; return this; }
    public ServiceClientSettingsBuilder retries(int v) { retries = v; return this; }
    public ServiceClientSettingsBuilder refreshMargin(Duration v) { refreshMargin = v; return this; }
    public ServiceClientSettingsBuilder apiBaseUrl(String v) { apiBaseUrl = v; return this; }
    public ServiceClientSettingsBuilder apiTimeout(Duration v) { apiTimeout = v; return this; }
    public ServiceClientSettingsBuilder apiRetryBudget(Duration v) { apiRetryBudget = v; return this; }
    public ServiceClientSettingsBuilder allowInsecureLoopback(boolean v) { allowInsecureLoopback = v; return this; }

    /**
     * Validates everything and returns the immutable settings.
     *
     * @throws ImsAuthConfigException listing every invalid or missing key at once, each with its fix
     */
    public ServiceClientSettings build() {
        ConfigProblems p = new ConfigProblems();
        p.addAll(readProblems);
        UrlRules urls = new UrlRules(allowInsecureLoopback);
        URI issuerUri = p.value(() -> urls.providerUrl(ISSUER, ConfigProblems.stripTrailingSlash(issuer)));
        Optional<URI> endpoint = Optional.ofNullable(tokenEndpoint).filter(s -> !s.isBlank())
                .map(s -> p.value(() -> urls.providerUrl(TOKEN_ENDPOINT, s)));
        String id = p.required(idKey, clientId, "the client id of the Service app registered at developer.bentley.com");
        if (clientSecret == null || clientSecret.isBlank()) {
            p.add(secretKey, "is required for client credentials; set the secret of the Service app registered "
                    + "at developer.bentley.com (environment variable " + ConfigSource.environmentName(secretKey) + ")");
        }
        ClientAuthMethod method = p.value(() -> ClientAuthMethod.parseForKey(CLIENT_AUTH_METHOD, clientAuthMethod));
        if (method == ClientAuthMethod.NONE) {
            p.add(CLIENT_AUTH_METHOD, "is none, but a service app authenticates with its secret; use "
                    + "client_secret_basic or client_secret_post");
        }
        p.run(() -> ServiceScopes.check(SERVICE_SCOPES, scopes));
        p.between(SERVICE_TOKEN_RETRIES, retries, 0, 10);
        p.positive(CONNECT_TIMEOUT, connectTimeout);
        p.positive(READ_TIMEOUT, readTimeout);
        p.nonNegative(REFRESH_MARGIN, refreshMargin);
        URI api = p.value(() -> urls.providerUrl(API_BASE_URL, ConfigProblems.stripTrailingSlash(apiBaseUrl)));
        p.positive(API_TIMEOUT, apiTimeout);
        p.nonNegative(API_RETRY_BUDGET, apiRetryBudget);
        p.throwIfAny();
        return new ServiceClientSettings(issuerUri, endpoint, id, Secret.of(clientSecret.trim()), method, scopes,
                connectTimeout, readTimeout, retries, refreshMargin, api, apiTimeout, apiRetryBudget,
                allowInsecureLoopback);
    }
}
