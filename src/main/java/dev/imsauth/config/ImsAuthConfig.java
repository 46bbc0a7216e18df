package dev.imsauth.config;

import java.net.URI;
import java.util.Optional;

/**
 * The whole configuration of one signing-in application as loaded from its sources: the three parts it is
 * split into, each immutable and validated. Build it with {@link #builder()} or load it with
 * {@link #load(ConfigSource)}; a bad value fails with one {@link ImsAuthConfigException} naming every bad key.
 *
 * <p>Only the composition roots (the filter's {@code init}, the security mechanism's runtime) hold the whole;
 * they hand each class the part it reads: the protocol client gets {@link #provider()} and {@link #signIn()},
 * the web flows {@link #signIn()}, {@code ITwinClient} {@link #api()}, and {@code ServiceTokenProvider}
 * {@link #provider()} and {@link #api()} ({@link #serviceClient()}). A service app without users loads {@link ServiceClientSettings} instead.
 *
 * @param provider the provider and the client registration: issuer, client id and secret, timeouts, bounds, claims
 * @param signIn   signing users in through the browser: redirect URI, paths, scopes, logout
 * @param api      iTwin API calls and service tokens: base URL, deadline, retry budget, service scopes
 */
public record ImsAuthConfig(ProviderSettings provider, SignInSettings signIn, ApiSettings api) {

    /** Bentley's production identity provider. */
    public static final URI IMS_PRODUCTION = URI.create("https://ims.bentley.com");
    /** Bentley's QA identity provider. */
    public static final URI IMS_QA = URI.create("https://qa-ims.bentley.com");

    /** A builder with the documented defaults. */
    public static ImsAuthConfigBuilder builder() {
        return new ImsAuthConfigBuilder();
    }

    /**
     * The settings of service clients ({@code ServiceTokenProvider}, {@code ITwinClient.forService}) that use this
     * application's own registration: its provider part (a confidential client's) and API part. A separate
     * service app registration ({@code ims.service-client-id}) is read by {@link ServiceClientSettings#load}.
     */
    public ServiceClientSettings serviceClient() {
        return new ServiceClientSettings(provider, api, Optional.empty());
    }

    /** Loads and validates from a source of documented keys (every key of {@link ConfigKey} but the service app's). */
    public static ImsAuthConfig load(ConfigSource source) {
        return ImsAuthConfigBuilder.from(source).build();
    }
}
