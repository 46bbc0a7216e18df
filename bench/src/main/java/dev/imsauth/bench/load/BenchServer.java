package dev.imsauth.bench.load;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.bench.support.TypicalImsLogin;
import dev.imsauth.testsupport.SessionTracker;
import dev.imsauth.testsupport.TestOpenIdProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;
import org.pac4j.oidc.config.OidcConfiguration;

/**
 * One Jetty 12 (ee10) server on 127.0.0.1 serving {@link HelloServlet} under {@code /app}, with the
 * security of one {@link Variant}. Every variant gets the same connector, thread pool and session handler,
 * so they differ only in the filter.
 */
final class BenchServer implements AutoCloseable {
    static final String CONTEXT = "/app";
    static final String PAGE = "/protected/hello";
    static final String PAC4J_CLIENT = "OidcClient";
    final Variant variant;
    final HelloServlet servlet = new HelloServlet();
    private final Server server;
    private final SessionTracker sessions = new SessionTracker();

    private BenchServer(Variant variant, TestOpenIdProvider op, Clock clock, String clientId) throws Exception {
        this.variant = variant;
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("bench-" + variant.label);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        connector.open();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT);
        context.getSessionHandler().addEventListener(sessions);
        String secret = "secret-of-" + clientId + "-0123456789";
        switch (variant) {
            case BARE -> { }
            case IMS -> {
                op.registerClient(clientId, secret, base() + "/signin-oidc");
                ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId(clientId).clientSecret(secret)
                        .allowInsecureLoopback(true).redirectUri("/signin-oidc").scopes(TypicalImsLogin.SCOPES).build();
                // as in production (OidcClient.create: the library's own HTTP client and threads), unless a test clock
                OidcClient client = clock.equals(Clock.systemUTC()) ? OidcClient.create(config.provider(), config.signIn())
                        : new OidcClient(config.provider(), config.signIn(),
                                ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
                context.addFilter(new FilterHolder(new ImsAuthFilter(client)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            case PAC4J, PAC4J_DEFAULTS -> {
                op.registerClient(clientId, secret, base() + "/callback");
                Config config = pac4jConfig(op, clientId, secret);
                CallbackFilter callback = new CallbackFilter(config);
                callback.setDefaultClient(PAC4J_CLIENT);
                context.addFilter(new FilterHolder(callback), "/callback", EnumSet.of(DispatcherType.REQUEST));
                SecurityFilter security = variant == Variant.PAC4J
                        ? new SecurityFilter(config, PAC4J_CLIENT, "none", "none")
                        : new SecurityFilter(config, PAC4J_CLIENT);
                context.addFilter(new FilterHolder(security), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
            default -> throw new IllegalArgumentException(variant.toString());
        }
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        server.start();
    }

    /**
     * pac4j-oidc set up to do what ims-auth does: authorization code flow with PKCE S256 (the test
     * provider refuses a request without it), state and nonce, the same scopes, client_secret_basic, RS256
     * ID tokens checked against the provider's JWKS, and no userinfo call (ims-auth makes none).
     */
    private Config pac4jConfig(TestOpenIdProvider op, String clientId, String secret) {
        OidcConfiguration oidc = new OidcConfiguration();
        oidc.setClientId(clientId);
        oidc.setSecret(secret);
        oidc.setDiscoveryURI(op.issuer() + "/.well-known/openid-configuration");
        oidc.setScope(String.join(" ", TypicalImsLogin.SCOPES));
        oidc.setUseNonce(true);
        oidc.setWithState(true);
        oidc.setCallUserInfoEndpoint(false);
        oidc.setClientAuthenticationMethod(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        org.pac4j.oidc.client.OidcClient client = new org.pac4j.oidc.client.OidcClient(oidc);
        client.setName(PAC4J_CLIENT);
        client.setCallbackUrl(base() + "/callback");
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        // as ims.groups-claim=roles does for us: the roles claim becomes the profile's roles
        client.addAuthorizationGenerator((ctx, profile) -> {
            Object roles = profile.getAttribute("roles");
            if (roles instanceof java.util.Collection<?> c) {
                c.forEach(role -> profile.addRole(String.valueOf(role)));
            }
            return java.util.Optional.of(profile);
        });
        return new Config(new Clients(client));
    }

    static BenchServer start(Variant variant, TestOpenIdProvider op) {
        return start(variant, op, Clock.systemUTC(), "portal-" + variant.label);
    }

    /** A server whose library runs on {@code clock} (ims-auth only) with its own client registration. */
    static BenchServer start(Variant variant, TestOpenIdProvider op, Clock clock, String clientId) {
        try {
            return new BenchServer(variant, op, clock, clientId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the " + variant.label + " server", e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + CONTEXT;
    }

    String pageUrl() {
        return base() + PAGE;
    }

    /** The live session for a session cookie value (Jetty appends {@code .nodeN}). */
    Optional<HttpSession> session(String cookieValue) {
        return sessions.session(cookieValue);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
