package dev.imsauth.config;

import static dev.imsauth.config.ConfigKey.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The provider and this application's client registration: who the provider is, how the client authenticates,
 * and the timeouts and bounds of every call to the provider. The part of the configuration that both a
 * signing-in web application and a service app need; it holds nothing of the browser sign-in (see
 * {@link SignInSettings}) or the iTwin APIs (see {@link ApiSettings}). Immutable; built and validated by
 * {@link ImsAuthConfigBuilder} or {@link ServiceClientSettingsBuilder}.
 *
 * @param issuer                the provider's issuer, e.g. {@code https://ims.bentley.com}
 * @param clientId              the client id registered for the app
 * @param clientSecret          the secret of a confidential client; empty for a public client
 * @param clientAuthMethod      how the secret is sent (none for public clients)
 * @param connectTimeout        TCP connect timeout for provider (and API) calls
 * @param readTimeout           overall deadline for one provider call, body included
 * @param maxResponseBytes      the largest provider response read
 * @param discoveryRetry        how long to wait before retrying a failed discovery
 * @param allowInsecureLoopback permit {@code http://} provider URLs on loopback hosts (local development, tests)
 * @param refreshMargin         refresh a token this long before it expires
 * @param clockSkew             tolerance for exp/iat checks
 * @param idTokenAlgorithms     accepted ID-token (and logout-token) signature algorithms
 * @param jwksRefreshInterval   the shortest interval between two JWKS re-fetches for unknown keys
 * @param principalClaim        ID-token claim that names the user ({@code sub}, {@code email}, …)
 * @param groupsClaim           ID-token claim that holds the user's roles
 * @param userInfo              when the provider's userinfo endpoint is called
 * @param healthProbeInterval   the shortest interval between two readiness probes of the provider
 * @param warningInterval       repeated identical warnings are logged once, then summed up once per this interval
 */
public record ProviderSettings(
        URI issuer,
        String clientId,
        Optional<Secret> clientSecret,
        ClientAuthMethod clientAuthMethod,
        Duration connectTimeout,
        Duration readTimeout,
        int maxResponseBytes,
        Duration discoveryRetry,
        boolean allowInsecureLoopback,
        Duration refreshMargin,
        Duration clockSkew,
        List<String> idTokenAlgorithms,
        Duration jwksRefreshInterval,
        String principalClaim,
        String groupsClaim,
        UserInfoMode userInfo,
        Duration healthProbeInterval,
        Duration warningInterval) {

    /** Copies the algorithm list. */
    public ProviderSettings {
        idTokenAlgorithms = List.copyOf(idTokenAlgorithms);
    }

    /** True for a confidential client. */
    public boolean confidential() {
        return clientSecret.isPresent();
    }

    /** The URL policy for this provider's endpoints ({@link #allowInsecureLoopback()}). */
    public UrlRules urlRules() {
        return new UrlRules(allowInsecureLoopback);
    }

    /**
     * Reads the provider part of a signing-in application: the issuer is kept exactly as written (discovery must
     * name this very string), the secret is optional and decides the default authentication method.
     */
    static ProviderSettings forSignIn(ConfigValues v, ConfigProblems p) {
        UrlRules urls = new UrlRules(v.bool(ALLOW_INSECURE_LOOPBACK));
        URI issuer = p.value(() -> urls.providerUrl(ISSUER.key(), v.text(ISSUER)));
        String id = p.required(CLIENT_ID.key(), v.text(CLIENT_ID),
                "the client id of the app registered at developer.bentley.com");
        Optional<Secret> secret = Optional.ofNullable(v.text(CLIENT_SECRET)).filter(s -> !s.isBlank()).map(Secret::of);
        ClientAuthMethod method = p.value(() -> authMethod(v.text(CLIENT_AUTH_METHOD), secret.isPresent()));
        return withClient(v, p, issuer, id, secret, method);
    }

    /** The settings with the given issuer and client; every other value from {@code v}, checked into {@code p}. */
    static ProviderSettings withClient(ConfigValues v, ConfigProblems p, URI issuer, String clientId,
                                       Optional<Secret> secret, ClientAuthMethod method) {
        String principal = p.required(PRINCIPAL_CLAIM.key(), v.text(PRINCIPAL_CLAIM), "a claim name such as sub or email");
        String groups = p.required(GROUPS_CLAIM.key(), v.text(GROUPS_CLAIM), "a claim name such as roles or groups");
        UserInfoMode userInfo = p.value(() -> UserInfoMode.parse(USERINFO.key(), v.text(USERINFO)));
        return new ProviderSettings(issuer, clientId, secret, method, v.duration(CONNECT_TIMEOUT),
                v.duration(READ_TIMEOUT), v.integer(MAX_RESPONSE_SIZE), v.duration(DISCOVERY_RETRY),
                v.bool(ALLOW_INSECURE_LOOPBACK), v.duration(REFRESH_MARGIN), v.duration(CLOCK_SKEW),
                v.list(ID_TOKEN_ALGORITHMS), v.duration(JWKS_REFRESH_INTERVAL), principal, groups, userInfo,
                v.duration(HEALTH_PROBE_INTERVAL), v.duration(WARNING_INTERVAL));
    }

    private static ClientAuthMethod authMethod(String configured, boolean hasSecret) {
        if (configured == null) {
            return hasSecret ? ClientAuthMethod.CLIENT_SECRET_BASIC : ClientAuthMethod.NONE;
        }
        ClientAuthMethod method = ClientAuthMethod.parseForKey(CLIENT_AUTH_METHOD.key(), configured);
        if (method != ClientAuthMethod.NONE && !hasSecret) {
            throw new ImsAuthConfigException(CLIENT_SECRET.key(), "is required when " + CLIENT_AUTH_METHOD.key()
                    + " is " + method.value() + "; set it, or use " + CLIENT_AUTH_METHOD.key()
                    + "=none for a public client");
        }
        if (method == ClientAuthMethod.NONE && hasSecret) {
            throw new ImsAuthConfigException(CLIENT_AUTH_METHOD.key(), "is none but " + CLIENT_SECRET.key()
                    + " is set; remove the secret or choose client_secret_basic");
        }
        return method;
    }
}
