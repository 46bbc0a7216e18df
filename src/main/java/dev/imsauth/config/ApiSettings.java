package dev.imsauth.config;

import static dev.imsauth.config.ConfigKey.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Calls to the iTwin Platform APIs and the service token that may authorise them: where the APIs are, how long a
 * call may take and wait for {@code Retry-After}, and which scopes a client-credentials token asks for.
 * {@code ITwinClient} reads nothing else; {@code ServiceTokenProvider} reads it with the client of
 * {@link ProviderSettings}. Immutable; built and validated by {@link ImsAuthConfigBuilder} or
 * {@link ServiceClientSettingsBuilder}.
 *
 * @param baseUrl             base URL of the iTwin APIs, without a trailing {@code /}
 * @param connectTimeout      TCP connect timeout for API calls ({@code ims.connect-timeout}, the provider's too)
 * @param timeout             overall deadline for one iTwin API call
 * @param retryBudget         the longest an iTwin API call waits in total for 429/503 Retry-After
 * @param serviceScopes       scopes a service app asks for with client credentials (never openid, email, …)
 * @param serviceTokenRetries how often a client-credentials request is retried after a transient failure
 */
public record ApiSettings(
        URI baseUrl,
        Duration connectTimeout,
        Duration timeout,
        Duration retryBudget,
        List<String> serviceScopes,
        int serviceTokenRetries) {

    /** Copies the scope list. */
    public ApiSettings {
        serviceScopes = List.copyOf(serviceScopes);
    }

    /** Reads and checks the API part; the single-key checks of the table have run already. */
    static ApiSettings read(ConfigValues v, ConfigProblems p) {
        UrlRules urls = new UrlRules(v.bool(ALLOW_INSECURE_LOOPBACK));
        URI base = p.value(() -> urls.providerUrl(API_BASE_URL.key(),
                UrlRules.withoutTrailingSlash(v.text(API_BASE_URL))));
        return new ApiSettings(base, v.duration(CONNECT_TIMEOUT), v.duration(API_TIMEOUT), v.duration(API_RETRY_BUDGET),
                v.list(SERVICE_SCOPES), v.integer(SERVICE_TOKEN_RETRIES));
    }
}
