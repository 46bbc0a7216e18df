package dev.imsauth.cdi;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ServiceClientSettings;
import dev.imsauth.event.EventListeners;
import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEvents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Makes the service clients injectable on the CDI route: {@code @Inject ServiceTokenProvider} and
 * {@code @Inject ITwinClient} (the latter sends the service app's token). One of each per application,
 * configured by MicroProfile Config with the keys of {@link ServiceClientSettings#load} (see
 * docs/service-clients.md). They are built on the first injection, so an application that injects neither
 * never needs those keys; a missing or invalid key fails that injection with an
 * {@link dev.imsauth.config.ImsAuthConfigException} listing every bad key.
 *
 * <p>The produced beans are {@code @Dependent} references to the one shared, thread-safe instance of each
 * (the classes are final, so a normal scope could not proxy them). The token provider's
 * {@code SERVICE_TOKEN_OBTAINED}/{@code _FAILED} events are fired as CDI events and given to the listeners of
 * {@code META-INF/services} and {@code ims.event-listeners}.
 */
@ApplicationScoped
public class ServiceClientProducer {
    private ServiceClientSettings settings;
    private ServiceTokenProvider tokens;
    private ITwinClient itwin;
    @Inject
    Event<ImsAuthEvent> cdiEvents;

    /** The service app's client-credentials token provider. */
    @Produces
    @Dependent
    public synchronized ServiceTokenProvider serviceTokenProvider() {
        if (tokens == null) {
            ClassLoader loader = ServiceClientProducer.class.getClassLoader();
            tokens = new ServiceTokenProvider(settings(), new ImsAuthEvents(EventListeners.load(loader,
                    MicroProfileConfigSource.of(loader).get(ConfigKey.EVENT_LISTENERS.key())), Clock.systemUTC())
                    .with(cdiEvents::fire));
        }
        return tokens;
    }

    /** An iTwin API client that calls with the service app's token. */
    @Produces
    @Dependent
    public synchronized ITwinClient iTwinClient() {
        if (itwin == null) {
            itwin = new ITwinClient(settings(), serviceTokenProvider());
        }
        return itwin;
    }

    /** Releases the clients' HTTP threads when the application stops. */
    @PreDestroy
    synchronized void stop() {
        if (itwin != null) {
            itwin.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    private ServiceClientSettings settings() {
        if (settings == null) {
            settings = ServiceClientSettings.load(MicroProfileConfigSource.of(ServiceClientProducer.class.getClassLoader()));
        }
        return settings;
    }
}
