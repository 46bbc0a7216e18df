package dev.imsauth.config;

import static dev.imsauth.config.ConfigKey.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Builds {@link ServiceClientSettings}: issuer (or token endpoint), client id, secret, scopes and timeouts, from
 * the defaults of the {@link ConfigKey} table and the values given. {@link #build()} checks every value and
 * reports all problems at once, each naming its key and fix.
 */
public final class ServiceClientSettingsBuilder {
    private static final Predicate<ConfigKey> KEYS = ConfigKey::readByServiceClients;
    private final ConfigValues values = new ConfigValues();

    ServiceClientSettingsBuilder() {
    }

    static ServiceClientSettingsBuilder from(ConfigSource source) {
        ServiceClientSettingsBuilder b = new ServiceClientSettingsBuilder();
        b.values.read(source, KEYS);
        return b;
    }

    /**
     * Sets a key a service app reads from its text form, as in a configuration file; {@code null} or blank
     * restores the default.
     *
     * @throws IllegalArgumentException for a key a service app does not read
     */
    public ServiceClientSettingsBuilder set(ConfigKey key, String value) {
        if (!KEYS.test(key)) {
            throw new IllegalArgumentException(key.key() + " is not read by service clients");
        }
        values.parse(key, value);
        return this;
    }

    private ServiceClientSettingsBuilder put(ConfigKey key, Object value) {
        values.put(key, value);
        return this;
    }

    public ServiceClientSettingsBuilder issuer(String v) { return put(ISSUER, v); }
    public ServiceClientSettingsBuilder tokenEndpoint(String v) { return put(TOKEN_ENDPOINT, v); }
    public ServiceClientSettingsBuilder clientId(String v) { return put(CLIENT_ID, v); }
    public ServiceClientSettingsBuilder clientSecret(String v) { return put(CLIENT_SECRET, v); }
    public ServiceClientSettingsBuilder clientAuthMethod(ClientAuthMethod v) { return put(CLIENT_AUTH_METHOD, v.value()); }
    public ServiceClientSettingsBuilder scopes(List<String> v) { return put(SERVICE_SCOPES, v); }
    public ServiceClientSettingsBuilder connectTimeout(Duration v) { return put(CONNECT_TIMEOUT, v); }
    public ServiceClientSettingsBuilder readTimeout(Duration v) { return put(READ_TIMEOUT, v); }
    public ServiceClientSettingsBuilder retries(int v) { return put(SERVICE_TOKEN_RETRIES, v); }
    public ServiceClientSettingsBuilder refreshMargin(Duration v) { return put(REFRESH_MARGIN, v); }
    public ServiceClientSettingsBuilder apiBaseUrl(String v) { return put(API_BASE_URL, v); }
    public ServiceClientSettingsBuilder apiTimeout(Duration v) { return put(API_TIMEOUT, v); }
    public ServiceClientSettingsBuilder apiRetryBudget(Duration v) { return put(API_RETRY_BUDGET, v); }
    public ServiceClientSettingsBuilder allowInsecureLoopback(boolean v) { return put(ALLOW_INSECURE_LOOPBACK, v); }

    /**
     * Validates everything and returns the immutable settings. With {@code ims.service-client-id} set, the client
     * is that id and {@code ims.service-client-secret} with {@code client_secret_basic}; else {@code ims.client-id},
     * {@code ims.client-secret} and {@code ims.client-auth-method} (default {@code client_secret_basic}).
     *
     * @throws ImsAuthConfigException listing every invalid or missing key at once, each with its fix
     */
    public ServiceClientSettings build() {
        ConfigProblems p = values.checked(KEYS);
        boolean own = values.isSet(SERVICE_CLIENT_ID);
        ConfigKey idKey = own ? SERVICE_CLIENT_ID : CLIENT_ID;
        ConfigKey secretKey = own ? SERVICE_CLIENT_SECRET : CLIENT_SECRET;
        UrlRules urls = new UrlRules(values.bool(ALLOW_INSECURE_LOOPBACK));
        URI issuer = p.value(() -> urls.providerUrl(ISSUER.key(), UrlRules.withoutTrailingSlash(values.text(ISSUER))));
        Optional<URI> endpoint = Optional.ofNullable(values.text(TOKEN_ENDPOINT)).filter(s -> !s.isBlank())
                .map(s -> p.value(() -> urls.providerUrl(TOKEN_ENDPOINT.key(), s)));
        String id = p.required(idKey.key(), values.text(idKey),
                "the client id of the Service app registered at developer.bentley.com");
        String secret = values.text(secretKey);
        if (secret == null || secret.isBlank()) {
            p.add(secretKey.key(), "is required for client credentials; set the secret of the Service app registered "
                    + "at developer.bentley.com (environment variable " + secretKey.environmentVariable() + ")");
        }
        ClientAuthMethod method = own || values.text(CLIENT_AUTH_METHOD) == null ? ClientAuthMethod.CLIENT_SECRET_BASIC
                : p.value(() -> ClientAuthMethod.parseForKey(CLIENT_AUTH_METHOD.key(), values.text(CLIENT_AUTH_METHOD)));
        if (method == ClientAuthMethod.NONE) {
            p.add(CLIENT_AUTH_METHOD.key(), "is none, but a service app authenticates with its secret; use "
                    + "client_secret_basic or client_secret_post");
        }
        ApiSettings api = ApiSettings.read(values, p);
        ProviderSettings provider = ProviderSettings.withClient(values, p, issuer, id,
                Optional.ofNullable(secret).filter(s -> !s.isBlank()).map(s -> Secret.of(s.trim())), method);
        p.throwIfAny();
        return new ServiceClientSettings(provider, api, endpoint);
    }
}
