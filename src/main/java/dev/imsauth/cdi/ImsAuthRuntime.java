package dev.imsauth.cdi;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.servlet.LogoutFlow;
import dev.imsauth.servlet.SignInFlow;
import dev.imsauth.servlet.StartupReport;
import dev.imsauth.session.SessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's ims-auth, built once from MicroProfile Config: the validated configuration, the
 * {@link OidcClient}, and the {@link SignInFlow} and {@link LogoutFlow} over one session store. The Jakarta Security mechanism runs on it; it is
 * created on first use, so an application that signs in through the filter never reads MicroProfile Config.
 * A missing or invalid key fails creation with an {@link dev.imsauth.config.ImsAuthConfigException} that
 * names the key.
 */
@ApplicationScoped
public class ImsAuthRuntime {
    private ImsAuthConfig config;
    private SignInFlow flow;
    private LogoutFlow logout;

    @PostConstruct
    void start() {
        config = ImsAuthConfig.load(MicroProfileConfigSource.of(ImsAuthRuntime.class.getClassLoader()));
        OidcClient client = OidcClient.create(config);
        SessionStore store = new SessionStore(client.clock(), config.loginTimeout(), config.maxPendingLogins());
        flow = new SignInFlow(client, store);
        logout = new LogoutFlow(client, store);
    }

    /** Releases the HTTP client's threads when the application stops. */
    @PreDestroy
    void stop() {
        if (flow != null) {
            flow.client().close();
        }
    }

    public ImsAuthConfig config() {
        return config;
    }

    public SignInFlow flow() {
        return flow;
    }

    public LogoutFlow logout() {
        return logout;
    }

    /** Discovers the provider now, so that a wrong issuer shows in the log at start, and logs the start; never fails. */
    public void warmUp() {
        StartupReport.discoverAndLog(flow.client(), "Jakarta Security mechanism", null);
    }
}
