package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.JettyApp;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * A bug inside the library while it completes a callback (here: the HTTP client throws an unexpected
 * IllegalStateException at the token call) must end in the library's own 500 page. The container's
 * default error page would print the request URI, which is the callback URL with the code.
 */
class UnexpectedFailureTest {

    @Test
    void anUnexpectedFailureDuringTheCallbackShowsTheLibrarysPageNotTheContainersWithTheCode() {
        try (TestOpenIdProvider op = TestOpenIdProvider.start()) {
            ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("portal")
                    .allowInsecureLoopback(true).publicPaths(List.of("/public/*")).build();
            HttpClient exploding = new ExplodingOnTokenCalls(ProviderHttp.defaultClient(Duration.ofSeconds(3)));
            JettyApp app = JettyApp.start(new OidcClient(config.provider(), config.signIn(), exploding, new MutableClock()));
            try {
                op.registerClient("portal", null, app.redirectUri());
                BrowserlessClient browser = new BrowserlessClient();
                HttpResponse<String> toCallback = browser.startSignIn(app.base() + "/protected/");
                String code = Verdicts.param(BrowserlessClient.location(toCallback), "code").orElseThrow();

                HttpResponse<String> r = browser.follow(toCallback);

                assertThat(r.statusCode()).isEqualTo(500);
                assertThat(r.body()).contains("internal_error").doesNotContain(code).doesNotContain("signin-oidc?")
                        .doesNotContain("IllegalStateException").doesNotContain("Jetty");
                assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
                assertThat(app.sessionsWithUser()).isZero();
            } finally {
                app.close();
            }
        }
    }

    /** Delegates to a real client, but throws where the library never expects it: at the token endpoint. */
    private static final class ExplodingOnTokenCalls extends HttpClient {
        private final HttpClient real;

        ExplodingOnTokenCalls(HttpClient real) {
            this.real = real;
        }

        private void check(HttpRequest request) {
            if (request.uri().getPath().endsWith("/connect/token")) {
                throw new IllegalStateException("unexpected failure in the HTTP stack");
            }
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            check(request);
            return real.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            check(request);
            return real.sendAsync(request, handler, push);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            check(request);
            return real.send(request, handler);
        }

        @Override public Optional<CookieHandler> cookieHandler() { return real.cookieHandler(); }
        @Override public Optional<Duration> connectTimeout() { return real.connectTimeout(); }
        @Override public Redirect followRedirects() { return real.followRedirects(); }
        @Override public Optional<ProxySelector> proxy() { return real.proxy(); }
        @Override public SSLContext sslContext() { return real.sslContext(); }
        @Override public SSLParameters sslParameters() { return real.sslParameters(); }
        @Override public Optional<Authenticator> authenticator() { return real.authenticator(); }
        @Override public Version version() { return real.version(); }
        @Override public Optional<Executor> executor() { return real.executor(); }
    }

}
