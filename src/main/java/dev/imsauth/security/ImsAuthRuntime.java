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
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderStatus;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.SignInCustomizer;
import dev.imsauth.web.WebFlows;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The mechanism's composition root, built once from MicroProfile Config: the validated configuration, the
 * {@link OidcClient}, and the {@link WebFlows} over them — the same factory the filter's {@code init} uses. It
 * is created on first use, so an application that signs in through the filter never reads MicroProfile Config.
 * A missing or invalid key fails creation with an {@link dev.imsauth.config.ImsAuthConfigException} that
 * names the key. Every {@link ImsAuthEvent} is fired as a CDI event ({@code @Observes ImsAuthEvent}), given to the
 * listeners of {@code META-INF/services} and {@code ims.event-listeners}, and counted in the JMX MBean.
 */
@ApplicationScoped
public class ImsAuthRuntime {
    private ProviderSettings provider;
    private OidcClient client;
    private WebFlows flows;
    private EventCounters counters;
    private volatile ImsAuthMBeans.Registration mbean;
    @Inject
    Event<ImsAuthEvent> cdiEvents;

    @PostConstruct
    void start() {
        ClassLoader own = ImsAuthRuntime.class.getClassLoader();
        ConfigSource source = MicroProfileConfigSource.of(own);
        ImsAuthConfig config = ImsAuthConfig.load(source);
        provider = config.provider();
        client = OidcClient.create(provider, config.signIn());
        counters = new EventCounters();
        ImsAuthEvents events = new ImsAuthEvents(EventListeners.load(own,
                source.get(ConfigKey.EVENT_LISTENERS.key())), client.clock()).with(cdiEvents::fire).with(counters);
        // the mechanism ends sessions without invalidating them inside validateRequest (see SessionStore)
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        flows = WebFlows.create(client, LogoutStores.of(config.signIn()), false,
                SignInCustomizer.load(source, loader != null ? loader : own), events);
    }

    /** Releases the HTTP client's threads when the application stops. */
    @PreDestroy
    synchronized void stop() {
        if (mbean != null) {
            mbean.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** The provider's state for the readiness check: discovery re-read at most once per health-probe interval. */
    ProviderStatus.Snapshot probe() {
        return client.probe();
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

    /** The sign-in and sign-out flows the mechanism runs. */
    public WebFlows flows() {
        return flows;
    }

    /** Discovers the provider now, so that a wrong issuer shows in the log at start, and logs the start; never fails. */
    public void warmUp() {
        flows.warmUp("Jakarta Security mechanism", null);
    }
}
