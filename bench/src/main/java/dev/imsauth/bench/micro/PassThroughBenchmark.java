package dev.imsauth.bench.micro;

import dev.imsauth.bench.support.BenchClient;
import dev.imsauth.bench.support.InProcessProvider;
import dev.imsauth.bench.support.StubRequest;
import dev.imsauth.bench.support.StubResponse;
import dev.imsauth.bench.support.StubSession;
import dev.imsauth.bench.support.TypicalImsLogin;
import dev.imsauth.config.Secret;
import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A request of a signed-in user passing through ImsAuthFilter to the application, which asks for the
 * principal and a role (as a portal page does). {@code noFilter} is the same application call without
 * the filter; the difference is the filter's cost per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PassThroughBenchmark {
    private InProcessProvider provider;
    private ImsAuthFilter filter;
    private StubRequest request;
    private StubResponse response;
    private final App app = new App();

    @Setup
    public void setUp() throws ServletException, IOException {
        provider = new InProcessProvider();
        OidcClient client = BenchClient.over(provider);
        PendingLogin pending = new PendingLogin("s", InProcessProvider.NONCE, Secret.of(TypicalImsLogin.opaque(43)),
                "http://127.0.0.1:8080/app/signin-oidc", "/app/", TypicalImsLogin.SCOPES, Instant.now());
        SignedInUser user = client.completeLogin(pending, CallbackParameters.of(Map.of("state", List.of("s"),
                "code", List.of("c"))));
        filter = new ImsAuthFilter(client);
        filter.init(new NamedFilterConfig("ims-auth"));
        StubSession session = new StubSession("signed-in-session");
        session.setAttribute(SessionStore.USER_ATTRIBUTE, user);
        request = new StubRequest("/app", "/projects/42").session(session);
        response = new StubResponse();
        filterSignedIn();
        if (!TypicalImsLogin.SUBJECT.equals(app.lastUser)) {
            throw new IllegalStateException("the signed-in request did not reach the app as the user: " + app.lastUser);
        }
    }

    @TearDown
    public void checkNoProviderCalls() {
        if (provider.calls(InProcessProvider.DISCOVERY) != 1 || provider.calls(InProcessProvider.JWKS) != 1) {
            throw new IllegalStateException("signed-in requests called the provider");
        }
    }

    @Benchmark
    public Object filterSignedIn() throws IOException, ServletException {
        filter.doFilter(request, response, app);
        return app.lastUser;
    }

    @Benchmark
    public Object noFilter() throws IOException, ServletException {
        app.doFilter(request, response);
        return app.lastUser;
    }

    /** The application: reads the principal and one role check. */
    static final class App implements FilterChain {
        Object lastUser;
        boolean lastAdmin;

        @Override
        public void doFilter(ServletRequest req, ServletResponse res) {
            HttpServletRequest http = (HttpServletRequest) req;
            lastUser = http.getUserPrincipal() == null ? null : http.getUserPrincipal().getName();
            lastAdmin = http.isUserInRole("portal-editor");
        }
    }
}
