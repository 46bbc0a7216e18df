package dev.imsauth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration of one application, immutable and validated when built (see
 * {@link ImsAuthConfigBuilder}). Build it with {@link #builder()} or load it with
 * {@link #load(ConfigSource)}; a bad value fails with an {@link ImsAuthConfigException} naming the key.
 *
 * @param issuer               the provider's issuer, e.g. {@code https://ims.bentley.com}
 * @param clientId             the client id registered for the app
 * @param clientSecret         the secret of a confidential client; empty for a public client
 * @param clientAuthMethod     how the secret is sent (none for public clients)
 * @param redirectUri          absolute callback URI, or a path resolved against the request (e.g. {@code /signin-oidc})
 * @param scopes               requested scopes, always containing {@code openid}
 * @param publicPaths          paths the filter lets through without sign-in ({@code /x} exact, {@code /x/*} prefix)
 * @param logoutPath           the application path that signs the user out (POST)
 * @param postLogoutRedirectUri where the provider sends the browser after signing out (absolute, or a path)
 * @param clockSkew            tolerance for exp/iat checks
 * @param connectTimeout       TCP connect timeout for provider calls
 * @param readTimeout          overall deadline for one provider call, body included
 * @param loginTimeout         how long a started sign-in may take before its state expires
 * @param maxPendingLogins     how many sign-ins one session may have under way (tabs); the oldest is evicted
 * @param principalClaim       ID-token claim that names the user ({@code sub}, {@code email}, …)
 * @param groupsClaim          ID-token claim that holds the user's roles
 * @param allowInsecureLoopback permit {@code http://} provider URLs on loopback hosts (local development, tests)
 * @param trustForwardedHeaders build redirect URIs from {@code Forwarded}/{@code X-Forwarded-*} headers
 * @param publicBaseUrl        the app's public origin, used instead of the request's when set
 * @param refreshMargin        refresh the access token this long before it expires
 * @param idTokenAlgorithms    accepted ID-token signature algorithms
 * @param maxResponseBytes     the largest provider response read
 * @param jwksRefreshInterval  the shortest interval between two JWKS re-fetches for unknown keys
 * @param discoveryRetry       how long to wait before retrying a failed discovery
 * @param apiBaseUrl           base URL of the iTwin APIs
 * @param apiPaths             paths whose requests are always API calls (401 JSON, never a redirect to sign-in)
 * @param apiDetection         also treat XHR/fetch requests as API calls, recognised by their headers
 * @param serviceScopes        scopes a service app asks for with client credentials (never openid, email, …)
 * @param serviceTokenRetries  how often a client-credentials request is retried after a transient failure
 * @param apiTimeout           overall deadline for one iTwin API call
 * @param apiRetryBudget       the longest an iTwin API call waits in total for 429/503 Retry-After
 * @param signedOutPath        the built-in, always public signed-out page (the default post-logout landing)
 * @param backChannelLogoutPath the path the provider POSTs OIDC Back-Channel Logout tokens to
 * @param logoutStoreDataSource JNDI name of a DataSource shared by all nodes for back-channel logouts; empty: in memory
 * @param logoutCheckInterval  how often a node reads back-channel logouts recorded by other nodes (the delay bound)
 * @param offlineAccessPromptConsent add {@code prompt=consent} to sign-ins that ask for {@code offline_access}
 * @param userInfo             when the provider's userinfo endpoint is called
 * @param authorizationParams  extra parameters of every authorization request ({@code prompt}, {@code ui_locales}, …)
 * @param errorPage            the application's error page (a path forwarded to), instead of the built-in one
 * @param logoutConfirmPage    the application's sign-out confirmation page (a path forwarded to)
 * @param signedOutPage        the application's signed-out page (a path the signed-out path forwards to)
 * @param healthProbeInterval  the shortest interval between two readiness probes of the provider
 * @param warningInterval      repeated identical warnings are logged once, then summed up once per this interval
 */
public record ImsAuthConfig(
        URI issuer,
        String clientId,
        Optional<Secret> clientSecret,
        ClientAuthMethod clientAuthMethod,
        String redirectUri,
        List<String> scopes,
        List<String> publicPaths,
        String logoutPath,
        String postLogoutRedirectUri,
        Duration clockSkew,
        Duration connectTimeout,
        Duration readTimeout,
        Duration loginTimeout,
        int maxPendingLogins,
        String principalClaim,
        String groupsClaim,
        boolean allowInsecureLoopback,
        boolean trustForwardedHeaders,
        Optional<URI> publicBaseUrl,
        Duration refreshMargin,
        List<String> idTokenAlgorithms,
        int maxResponseBytes,
        Duration jwksRefreshInterval,
        Duration discoveryRetry,
        URI apiBaseUrl,
        List<String> apiPaths,
        boolean apiDetection,
        List<String> serviceScopes,
        int serviceTokenRetries,
        Duration apiTimeout,
        Duration apiRetryBudget,
        String signedOutPath,
        String backChannelLogoutPath,
        Optional<String> logoutStoreDataSource,
        Duration logoutCheckInterval,
        boolean offlineAccessPromptConsent,
        UserInfoMode userInfo,
        java.util.Map<String, String> authorizationParams,
        Optional<String> errorPage,
        Optional<String> logoutConfirmPage,
        Optional<String> signedOutPage,
        Duration healthProbeInterval,
        Duration warningInterval) {

    /** Bentley's production identity provider. */
    public static final URI IMS_PRODUCTION = URI.create("https://ims.bentley.com");
    /** Bentley's QA identity provider. */
    public static final URI IMS_QA = URI.create("https://qa-ims.bentley.com");

    /** Checks the invariants; use {@link #builder()} for defaults and friendly validation. */
    public ImsAuthConfig {
        scopes = List.copyOf(scopes);
        publicPaths = List.copyOf(publicPaths);
        idTokenAlgorithms = List.copyOf(idTokenAlgorithms);
        apiPaths = List.copyOf(apiPaths);
        serviceScopes = List.copyOf(serviceScopes);
        authorizationParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(authorizationParams));
    }

    /** A builder with the documented defaults. */
    public static ImsAuthConfigBuilder builder() {
        return new ImsAuthConfigBuilder();
    }

    /** Loads and validates from a source of documented keys. */
    public static ImsAuthConfig load(ConfigSource source) {
        return ImsAuthConfigBuilder.from(source).build();
    }

    /** True when the redirect URI is a path to resolve against each request. */
    public boolean redirectUriIsRelative() {
        return redirectUri.startsWith("/");
    }

    /** True when the post-logout redirect is a path of this application (then it is always public). */
    public boolean postLogoutRedirectIsPath() {
        return postLogoutRedirectUri.startsWith("/");
    }

    /** True for a confidential client. */
    public boolean confidential() {
        return clientSecret.isPresent();
    }

    /** The scopes as one space-separated string. */
    public String scopeString() {
        return String.join(" ", scopes);
    }
}
