package dev.imsauth.bench.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
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
import dev.imsauth.session.PendingLogins;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
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
 * The callback, without the network: the token endpoint's answer comes from the in-process provider
 * through the library's own HTTP adapter and body subscriber, then the token response is parsed and the
 * RS256 ID token verified against the cached JWKS (signature, iss, aud, azp, exp, iat, nonce).
 * {@code filterCallback} is the whole callback as the filter runs it (parameters, single-use state from
 * the session, the above, session-id rotation, storing the user, the redirect); {@code rs256VerifyOnly}
 * is the floor: the one RSA signature check that no implementation can skip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallbackBenchmark {
    private static final String STATE = "bench-state-0123456789abcdefghijklmnopqrstuvwx";
    private InProcessProvider provider;
    private OidcClient client;
    private PendingLogin pending;
    private CallbackParameters callback;
    private ImsAuthFilter filter;
    private StubRequest request;
    private StubResponse response;
    private SignedJWT idToken;
    private RSASSAVerifier verifier;

    @Setup
    public void setUp() throws ServletException, IOException, ParseException, JOSEException {
        provider = new InProcessProvider();
        client = BenchClient.over(provider);
        pending = new PendingLogin(STATE, InProcessProvider.NONCE, Secret.of(TypicalImsLogin.opaque(43)),
                "http://127.0.0.1:8080/app/signin-oidc", "/app/projects/42", TypicalImsLogin.SCOPES, Instant.now());
        callback = CallbackParameters.of(Map.of("state", List.of(STATE), "code", List.of(TypicalImsLogin.opaque(43))));
        filter = new ImsAuthFilter(client);
        filter.init(new NamedFilterConfig("ims-auth"));
        request = new StubRequest("/app", "/signin-oidc")
                .parameter("state", STATE).parameter("code", TypicalImsLogin.opaque(43))
                .session(new StubSession("callback-session"));
        response = new StubResponse();
        idToken = SignedJWT.parse(provider.idToken());
        verifier = new RSASSAVerifier(provider.publicKey());
        // the first verification fetches the JWKS; from then on it is cached
        completeLogin();
        filterCallback();
        if (!"/app/projects/42".equals(response.redirect())) {
            throw new IllegalStateException("callback did not succeed: HTTP " + response.status() + " " + response.body());
        }
    }

    @TearDown
    public void checkNoRefetch() {
        if (provider.calls(InProcessProvider.JWKS) != 1 || provider.calls(InProcessProvider.DISCOVERY) != 1) {
            throw new IllegalStateException("JWKS or discovery fetched more than once: jwks="
                    + provider.calls(InProcessProvider.JWKS) + " discovery=" + provider.calls(InProcessProvider.DISCOVERY));
        }
    }

    /** OidcClient.completeLogin: code redemption (in-process), token-response parsing, ID-token verification. */
    @Benchmark
    public SignedInUser completeLogin() {
        return client.completeLogin(pending, callback);
    }

    /** The whole callback through ImsAuthFilter, the session held in memory. */
    @Benchmark
    public String filterCallback() throws IOException, ServletException {
        PendingLogins logins = new PendingLogins(10);
        logins.add(pending, Instant.now(), Duration.ofMinutes(10));
        request.stubSession().setAttribute(SessionStore.PENDING_ATTRIBUTE, logins);
        response.reset();
        filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("the callback must not reach the application");
        });
        return response.redirect();
    }

    /** Only the RS256 signature check of the same ID token with Nimbus: the floor. */
    @Benchmark
    public boolean rs256VerifyOnly() throws JOSEException {
        return idToken.verify(verifier);
    }
}
