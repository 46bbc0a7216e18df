package dev.imsauth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a service app (OAuth client credentials, no user) needs to get a token and call iTwin APIs — and
 * nothing of the sign-in: no redirect URI, no {@code openid} scope. Immutable and validated when built
 * ({@link #builder()}) or loaded ({@link #load(ConfigSource)}); every bad key is reported at once in one
 * {@link ImsAuthConfigException}.
 *
 * <p>In the iTwin Platform a service app acts as the user {@code {client_id}@apps.imsoidc.bentley.com}, and
 * Bentley IMS refuses {@code openid}, {@code email}, {@code profile} and {@code organization} for it.
 *
 * @param issuer                the provider whose discovery names the token endpoint, e.g. {@code https://ims.bentley.com}
 * @param tokenEndpoint         the token endpoint to call as given (no discovery), when set
 * @param clientId              the service app's client id
 * @param clientSecret          the service app's secret (a service app is always confidential)
 * @param clientAuthMethod      how the secret is sent: {@code client_secret_basic} (default) or {@code client_secret_post}
 * @param scopes                the API scopes to ask for, e.g. {@code itwin-platform}
 * @param connectTimeout        TCP connect timeout for calls to IMS and the APIs
 * @param readTimeout           overall deadline for one call to IMS
 * @param retries               how often a token request is retried after a transient failure
 * @param refreshMargin         renew the token this long (at most half its lifetime) before it expires
 * @param apiBaseUrl            base URL of the iTwin APIs
 * @param apiTimeout            overall deadline for one iTwin API call
 * @param apiRetryBudget        the longest an API call waits in total for 429/503 Retry-After
 * @param allowInsecureLoopback permit {@code http://} URLs on loopback hosts (local development, tests)
 */
public record ServiceClientSettings(
        URI issuer,
        Optional<URI> tokenEndpoint,
        String clientId,
        Secret clientSecret,
        ClientAuthMethod clientAuthMethod,
        List<String> scopes,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        Duration refreshMargin,
        URI apiBaseUrl,
        Duration apiTimeout,
        Duration apiRetryBudget,
        boolean allowInsecureLoopback) {

    /** Copies the scope list; use {@link #builder()} for defaults and friendly validation. */
    public ServiceClientSettings {
        scopes = List.copyOf(scopes);
    }

    /** A builder with the documented defaults (IMS production, scope {@code itwin-platform}). */
    public static ServiceClientSettingsBuilder builder() {
        return new ServiceClientSettingsBuilder();
    }

    /**
     * Loads and validates from the documented keys: {@code ims.issuer} or {@code ims.token-endpoint},
     * {@code ims.service-client-id} / {@code ims.service-client-secret} (falling back to {@code ims.client-id} /
     * {@code ims.client-secret}), {@code ims.service-scopes}, the timeouts and the API settings.
     */
    public static ServiceClientSettings load(ConfigSource source) {
        return ServiceClientSettingsBuilder.from(source).build();
    }

    /** The iTwin Platform user this service acts as: {@code {client_id}@apps.imsoidc.bentley.com}. */
    public String serviceUser() {
        return clientId + "@apps.imsoidc.bentley.com";
    }

    @Override
    public String toString() {
        return "ServiceClientSettings[issuer=" + issuer + ", tokenEndpoint=" + tokenEndpoint.map(URI::toString)
                .orElse("(discovered)") + ", clientId=" + clientId + ", clientSecret=****, scopes=" + scopes + "]";
    }
}
