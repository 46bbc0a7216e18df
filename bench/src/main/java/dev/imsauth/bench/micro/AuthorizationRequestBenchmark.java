package dev.imsauth.bench.micro;

import dev.imsauth.bench.support.BenchClient;
import dev.imsauth.bench.support.InProcessProvider;
import dev.imsauth.protocol.LoginRedirect;
import dev.imsauth.protocol.OidcClient;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Creating an authorization request: fresh 256-bit state and nonce, a PKCE verifier and its S256
 * challenge (SHA-256), and the authorization URL with every parameter, on discovered metadata.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthorizationRequestBenchmark {
    private static final URI REDIRECT_URI = URI.create("https://portal.example.com/app/signin-oidc");
    private OidcClient client;

    @Setup
    public void setUp() {
        client = BenchClient.over(new InProcessProvider());
        client.metadata();
    }

    @Benchmark
    public LoginRedirect startLogin() {
        return client.startLogin(REDIRECT_URI, "/app/projects/42", List.of());
    }
}
