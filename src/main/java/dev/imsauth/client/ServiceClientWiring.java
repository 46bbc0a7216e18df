package dev.imsauth.client;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ServiceClientSettings;
import dev.imsauth.protocol.OidcClient;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * Turns a service app's {@link ServiceClientSettings} into the {@link OidcClient} that makes its
 * client-credentials calls. The protocol client takes a whole {@link ImsAuthConfig}; its sign-in values
 * (redirect URI, sign-in scopes) keep their defaults here and are never sent, because a service client
 * only ever calls the token endpoint.
 */
final class ServiceClientWiring {
    private ServiceClientWiring() {
    }

    static OidcClient oidcClient(ServiceClientSettings s, HttpClient http, Clock clock) {
        ImsAuthConfig config = config(s);
        return s.tokenEndpoint().map(endpoint -> OidcClient.withTokenEndpoint(config, endpoint, http, clock))
                .orElseGet(() -> new OidcClient(config, http, clock));
    }

    /** With its own HTTP client, which {@link OidcClient#close()} releases. */
    static OidcClient ownOidcClient(ServiceClientSettings s) {
        ImsAuthConfig config = config(s);
        return s.tokenEndpoint().map(endpoint -> OidcClient.create(config, endpoint))
                .orElseGet(() -> OidcClient.create(config));
    }

    private static ImsAuthConfig config(ServiceClientSettings s) {
        return ImsAuthConfig.builder()
                .issuer(s.issuer().toString())
                .clientId(s.clientId())
                .clientSecret(s.clientSecret().reveal())
                .clientAuthMethod(s.clientAuthMethod())
                .serviceScopes(s.scopes())
                .connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .serviceTokenRetries(s.retries())
                .refreshMargin(s.refreshMargin())
                .apiBaseUrl(s.apiBaseUrl().toString())
                .apiTimeout(s.apiTimeout())
                .apiRetryBudget(s.apiRetryBudget())
                .allowInsecureLoopback(s.allowInsecureLoopback())
                .build();
    }
}
