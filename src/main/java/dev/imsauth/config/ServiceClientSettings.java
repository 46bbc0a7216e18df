package dev.imsauth.config;

import java.net.URI;
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
 * @param provider      the provider and the service app's client: issuer, client id, secret (always set), timeouts;
 *                      keys a service app does not read (ID-token checks, claims) keep their defaults
 * @param api           the iTwin APIs and the service token: base URL, deadline, retry budget, scopes, retries
 * @param tokenEndpoint the token endpoint to call as given (no discovery), when set
 */
public record ServiceClientSettings(ProviderSettings provider, ApiSettings api, Optional<URI> tokenEndpoint) {

    /** A builder with the documented defaults (IMS production, scope {@code itwin-platform}). */
    public static ServiceClientSettingsBuilder builder() {
        return new ServiceClientSettingsBuilder();
    }

    /**
     * Loads and validates from the documented keys: {@code ims.issuer} or {@code ims.token-endpoint},
     * {@code ims.service-client-id} / {@code ims.service-client-secret} (falling back to {@code ims.client-id} /
     * {@code ims.client-secret}), {@code ims.service-scopes}, the timeouts and the API settings — the keys of
     * {@link ConfigKey} that {@link ConfigKey#readByServiceClients()}.
     */
    public static ServiceClientSettings load(ConfigSource source) {
        return ServiceClientSettingsBuilder.from(source).build();
    }

    /** The iTwin Platform user this service acts as: {@code {client_id}@apps.imsoidc.bentley.com}. */
    public String serviceUser() {
        return provider.clientId() + "@apps.imsoidc.bentley.com";
    }

    @Override
    public String toString() {
        return "ServiceClientSettings[issuer=" + provider.issuer() + ", tokenEndpoint=" + tokenEndpoint
                .map(URI::toString).orElse("(discovered)") + ", clientId=" + provider.clientId()
                + ", clientSecret=****, scopes=" + api.serviceScopes() + "]";
    }
}
