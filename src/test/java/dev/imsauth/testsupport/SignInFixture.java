package dev.imsauth.testsupport;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ImsAuthConfigBuilder;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.servlet.ImsAuthFilter;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The usual cast of an integration test: a test OpenID provider, a Jetty app behind the filter, a clock
 * the test controls, and the client id {@code portal} registered for the app's redirect URI.
 */
public final class SignInFixture implements AutoCloseable {
    public static final String CLIENT_ID = "portal";
    public final TestOpenIdProvider op;
    public final MutableClock clock = new MutableClock();
    public final JettyApp app;
    public final OidcClient client;

    private SignInFixture(String secret, UnaryOperator<ImsAuthConfigBuilder> customize) {
        this(secret, customize, op -> { }, Map.of());
    }

    private SignInFixture(String secret, UnaryOperator<ImsAuthConfigBuilder> customize,
                          Consumer<TestOpenIdProvider> beforeDiscovery, Map<String, ? extends HttpServlet> servlets) {
        op = TestOpenIdProvider.start();
        beforeDiscovery.accept(op);
        ImsAuthConfigBuilder b = ImsAuthConfig.builder()
                .issuer(op.issuer())
                .clientId(CLIENT_ID)
                .clientSecret(secret)
                .allowInsecureLoopback(true)
                .publicPaths(List.of("/public/*"))
                .readTimeout(Duration.ofSeconds(3))
                .jwksRefreshInterval(Duration.ofSeconds(30));
        ImsAuthConfig config = customize.apply(b).build();
        client = new OidcClient(config, ProviderHttp.defaultClient(config.connectTimeout()), clock);
        app = JettyApp.start(new ImsAuthFilter(client), servlets);
        op.registerClient(CLIENT_ID, secret, app.redirectUri());
    }

    /** A public client (no secret). */
    public static SignInFixture publicClient() {
        return new SignInFixture(null, b -> b);
    }

    /** A confidential client with this secret. */
    public static SignInFixture confidential(String secret) {
        return new SignInFixture(secret, b -> b);
    }

    /** A public client with configuration changes. */
    public static SignInFixture with(UnaryOperator<ImsAuthConfigBuilder> customize) {
        return new SignInFixture(null, customize);
    }

    /**
     * The full set-up: a client with this secret (null: public), configuration changes, provider settings or
     * faults applied before the app discovers the provider (e.g. {@code omitEndSessionEndpoint}), and extra
     * servlets keyed by mapping.
     */
    public static SignInFixture create(String secret, UnaryOperator<ImsAuthConfigBuilder> customize,
                                       Consumer<TestOpenIdProvider> beforeDiscovery,
                                       Map<String, ? extends HttpServlet> servlets) {
        return new SignInFixture(secret, customize, beforeDiscovery, servlets);
    }

    /** A URL under the app, e.g. {@code url("/protected/page")}. */
    public String url(String path) {
        return app.base() + path;
    }

    @Override
    public void close() {
        app.close();
        op.close();
    }
}
