package dev.imsauth.security;

import dev.imsauth.cdi.MicroProfileConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.web.LogoutFlow;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.SignOutRoutes;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.web.SignInCustomizer;
import dev.imsauth.web.SignInFlow;
import dev.imsauth.web.StartupReport;
import dev.imsauth.session.SessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's ims-auth, built once from MicroProfile Config: the validated configuration, the
 * {@link OidcClient}, and the {@link SignInFlow} and the {@link SignOutRoutes} over one session store. The Jakarta Security mechanism runs on it; it is
 * created on first use, so an application that signs in through the filter never reads MicroProfile Config.
 * A missing or invalid key fails creation with an {@link dev.imsauth.config.ImsAuthConfigException} that
 * names the key.
 */
@ApplicationScoped
public class ImsAuthRuntime {
    private ProviderSettings provider;
    private SignInFlow flow;
    private SignOutRoutes signOut;

    @PostConstruct
    void start() {
        dev.imsauth.config.ConfigSource source = MicroProfileConfigSource.of(ImsAuthRuntime.class.getClassLoader());
        ImsAuthConfig config = ImsAuthConfig.load(source);
        provider = config.provider();
        SignInSettings signIn = config.signIn();
        OidcClient client = OidcClient.create(provider, signIn);
        // the mechanism ends sessions without invalidating them inside validateRequest (see SessionStore)
        SessionStore store = new SessionStore(client.clock(), signIn.loginTimeout(), signIn.maxPendingLogins(), false);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        flow = new SignInFlow(client, store, new BackChannelLogouts(LogoutStores.of(signIn), client.clock(),
                signIn.logoutCheckInterval()), SignInCustomizer.load(source, loader != null ? loader
                : ImsAuthRuntime.class.getClassLoader()));
        signOut = new SignOutRoutes(flow);
    }

    /** Releases the HTTP client's threads when the application stops. */
    @PreDestroy
    void stop() {
        if (flow != null) {
            flow.client().close();
        }
    }

    /** The provider and client settings (client id, the principal and groups claims). */
    public ProviderSettings provider() {
        return provider;
    }

    public SignInFlow flow() {
        return flow;
    }

    public LogoutFlow logout() {
        return signOut.logout();
    }

    /** The sign-out paths (logout, signed-out page, back-channel logout). */
    public SignOutRoutes signOut() {
        return signOut;
    }

    /** Discovers the provider now, so that a wrong issuer shows in the log at start, and logs the start; never fails. */
    public void warmUp() {
        StartupReport.discoverAndLog(flow.client(), "Jakarta Security mechanism", null);
    }
}
