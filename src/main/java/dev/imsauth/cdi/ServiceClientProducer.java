package dev.imsauth.cdi;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ServiceClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the service clients injectable on the CDI route: {@code @Inject ServiceTokenProvider} and
 * {@code @Inject ITwinClient} (the latter sends the service app's token). One of each per application,
 * configured by MicroProfile Config with the keys of {@link ServiceClientSettings#load} (see
 * docs/service-clients.md). They are built on the first injection, so an application that injects neither
 * never needs those keys; a missing or invalid key fails that injection with an
 * {@link dev.imsauth.config.ImsAuthConfigException} listing every bad key.
 *
 * <p>The produced beans are {@code @Dependent} references to the one shared, thread-safe instance of each
 * (the classes are final, so a normal scope could not proxy them).
 */
@ApplicationScoped
public class ServiceClientProducer {
    private ServiceClientSettings settings;
    private ServiceTokenProvider tokens;
    private ITwinClient itwin;

    /** The service app's client-credentials token provider. */
    @Produces
    @Dependent
    public synchronized ServiceTokenProvider serviceTokenProvider() {
        if (tokens == null) {
            tokens = new ServiceTokenProvider(settings());
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
