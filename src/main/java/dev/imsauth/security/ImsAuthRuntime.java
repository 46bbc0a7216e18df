package dev.imsauth.security;

import dev.imsauth.cdi.MicroProfileConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderStatus;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.SignInCustomizer;
import dev.imsauth.web.WebFlows;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The mechanism's composition root, built once from MicroProfile Config: the validated configuration, the
 * {@link OidcClient}, and the {@link WebFlows} over them — the same factory the filter's {@code init} uses. It
 * is created on first use, so an application that signs in through the filter never reads MicroProfile Config.
 * A missing or invalid key fails creation with an {@link dev.imsauth.config.ImsAuthConfigException} that
 * names the key.
 */
@ApplicationScoped
public class ImsAuthRuntime {
    private ProviderSettings provider;
    private OidcClient client;
    private WebFlows flows;

    @PostConstruct
    void start() {
        dev.imsauth.config.ConfigSource source = MicroProfileConfigSource.of(ImsAuthRuntime.class.getClassLoader());
        ImsAuthConfig config = ImsAuthConfig.load(source);
        provider = config.provider();
        client = OidcClient.create(provider, config.signIn());
        // the mechanism ends sessions without invalidating them inside validateRequest (see SessionStore)
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        flows = WebFlows.create(client, LogoutStores.of(config.signIn()), false,
                SignInCustomizer.load(source, loader != null ? loader : ImsAuthRuntime.class.getClassLoader()));
    }

    /** Releases the HTTP client's threads when the application stops. */
    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    /** The provider's state for the readiness check: discovery re-read at most once per health-probe interval. */
    ProviderStatus.Snapshot probe() {
        return client.probe();
    }

    /** The provider and client settings (client id, the principal and groups claims). */
    public ProviderSettings provider() {
        return provider;
    }

    /** The sign-in and sign-out flows the mechanism runs. */
    public WebFlows flows() {
        return flows;
    }

    /** Discovers the provider now, so that a wrong issuer shows in the log at start, and logs the start; never fails. */
    public void warmUp() {
        flows.warmUp("Jakarta Security mechanism", null);
    }
}
