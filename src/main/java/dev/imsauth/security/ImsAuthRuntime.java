package dev.imsauth.security;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.cdi.MicroProfileConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.event.EventListeners;
import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEvents;
import dev.imsauth.event.jmx.EventCounters;
import dev.imsauth.event.jmx.ImsAuthMBeans;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.web.LogoutFlow;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.SignOutRoutes;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.web.SignInFlow;
import dev.imsauth.web.StartupReport;
import dev.imsauth.session.SessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The application's ims-auth, built once from MicroProfile Config: the validated configuration, the
 * {@link OidcClient}, and the {@link SignInFlow} and the {@link SignOutRoutes} over one session store. The Jakarta Security mechanism runs on it; it is
 * created on first use, so an application that signs in through the filter never reads MicroProfile Config.
 * A missing or invalid key fails creation with an {@link dev.imsauth.config.ImsAuthConfigException} that
 * names the key. Every {@link ImsAuthEvent} is fired as a CDI event ({@code @Observes ImsAuthEvent}), given to the
 * listeners of {@code META-INF/services} and {@code ims.event-listeners}, and counted in the JMX MBean.
 */
@ApplicationScoped
public class ImsAuthRuntime {
    private ProviderSettings provider;
    private SignInFlow flow;
    private SignOutRoutes signOut;
    private EventCounters counters;
    private volatile ImsAuthMBeans.Registration mbean;
    @Inject
    Event<ImsAuthEvent> cdiEvents;

    @PostConstruct
    void start() {
        ClassLoader loader = ImsAuthRuntime.class.getClassLoader();
        ConfigSource source = MicroProfileConfigSource.of(loader);
        ImsAuthConfig config = ImsAuthConfig.load(source);
        provider = config.provider();
        SignInSettings signIn = config.signIn();
        OidcClient client = OidcClient.create(provider, signIn);
        counters = new EventCounters();
        ImsAuthEvents events = new ImsAuthEvents(EventListeners.load(loader,
                source.get(ConfigKey.EVENT_LISTENERS.key())), client.clock()).with(cdiEvents::fire).with(counters);
        // the mechanism ends sessions without invalidating them inside validateRequest (see SessionStore)
        SessionStore store = new SessionStore(client.clock(), signIn.loginTimeout(), signIn.maxPendingLogins(), false);
        flow = new SignInFlow(client, store, new BackChannelLogouts(LogoutStores.of(signIn), client.clock(),
                signIn.logoutCheckInterval()), events);
        signOut = new SignOutRoutes(flow);

    }

    /** Releases the HTTP client's threads when the application stops. */
    @PreDestroy
    synchronized void stop() {
        if (mbean != null) {
            mbean.close();
        }
        if (flow != null) {
            flow.client().close();
        }
    }

    /**
     * Publishes the counters MBean under the application's context path, once: the mechanism calls it with each
     * request, since the deployment's {@code ServletContext} cannot be injected while CDI starts (WildFly).
     */
    public void publishCounters(String contextPath) {
        if (mbean == null) {
            synchronized (this) {
                if (mbean == null) {
                    mbean = ImsAuthMBeans.register(contextPath, counters);
                }
            }
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
