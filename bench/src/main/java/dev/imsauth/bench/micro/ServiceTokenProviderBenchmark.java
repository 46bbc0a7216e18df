package dev.imsauth.bench.micro;

import dev.imsauth.bench.support.BenchClient;
import dev.imsauth.bench.support.InProcessProvider;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.protocol.TokenSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code ServiceTokenProvider.getToken()} once the token is cached: what every backend call that needs a
 * service token pays. One provider is shared by all benchmark threads, as an application shares it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServiceTokenProviderBenchmark {
    private InProcessProvider provider;
    private ServiceTokenProvider tokens;

    @Setup
    public void setUp() {
        provider = new InProcessProvider();
        tokens = new ServiceTokenProvider(BenchClient.over(provider), BenchClient.config().api());
        tokens.getToken();
    }

    @TearDown
    public void checkOneTokenCall() {
        if (provider.calls(InProcessProvider.TOKEN) != 1) {
            throw new IllegalStateException("a cached token was fetched again: " + provider.calls(InProcessProvider.TOKEN));
        }
    }

    @Benchmark
    @Threads(1)
    public TokenSet cachedToken() {
        return tokens.getToken();
    }

    /**
     * 64 threads on a machine with few cores: their average time per call mostly measures waiting for a core,
     * so this one counts calls per microsecond across all threads; cores ÷ that rate is the cost of a call.
     */
    @Benchmark
    @Threads(64)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TokenSet cachedToken64Threads() {
        return tokens.getToken();
    }
}
