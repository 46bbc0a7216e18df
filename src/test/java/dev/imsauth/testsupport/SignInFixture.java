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
    /** The configuration the client was built from. */
    public final ImsAuthConfig config;

    private SignInFixture(String secret, UnaryOperator<ImsAuthConfigBuilder> customize) {
        this(secret, customize, op -> { }, Map.of(), JettyApp.CONTEXT, false);
    }

    private SignInFixture(String secret, UnaryOperator<ImsAuthConfigBuilder> customize,
                          Consumer<TestOpenIdProvider> beforeDiscovery, Map<String, ? extends HttpServlet> servlets,
                          String contextPath, boolean forwarded) {
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
        config = customize.apply(b).build();
        client = new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
        app = JettyApp.start(new ImsAuthFilter(client), servlets, contextPath, forwarded);
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
        return new SignInFixture(secret, customize, beforeDiscovery, servlets, JettyApp.CONTEXT, false);
    }

    /** A fixture set up step by step: provider switches before the app discovers it, configuration, context. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignInFixture}; everything optional. */
    public static final class Builder {
        private String secret;
        private UnaryOperator<ImsAuthConfigBuilder> config = b -> b;
        private Consumer<TestOpenIdProvider> provider = op -> { };
        private String contextPath = JettyApp.CONTEXT;
        private boolean forwarded;

        /** A confidential client with this secret (default: public). */
        public Builder secret(String s) { secret = s; return this; }

        /** Configuration changes on top of the fixture's. */
        public Builder config(UnaryOperator<ImsAuthConfigBuilder> c) { config = c; return this; }

        /** Runs on the provider before the app starts (and so before discovery). */
        public Builder provider(Consumer<TestOpenIdProvider> p) { provider = p; return this; }

        /** The app's context path; {@code ""} deploys it at the root. */
        public Builder contextPath(String c) { contextPath = c; return this; }

        /** Jetty applies X-Forwarded-* itself (a TLS-terminating proxy in front). */
        public Builder honourForwardedHeaders() { forwarded = true; return this; }

        public SignInFixture start() {
            return new SignInFixture(secret, config, provider, Map.of(), contextPath, forwarded);
        }
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
