package dev.imsauth.bench.load;

import dev.imsauth.bench.support.TypicalImsLogin;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.client.Sleeper;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts, not times: how many token-endpoint calls many simultaneous callers cause. Uses a provider of its
 * own, which shares a clock the harness moves with the library under count, so that "an hour later" needs
 * no waiting.
 */
final class Counts {
    static final int CALLERS = 64;
    static final int TRIALS = 3;
    private final SignInWalker walker = new SignInWalker();

    /** One trial's outcome. */
    record Trial(long tokenCalls, long succeeded) {
    }

    Map<String, Object> run() {
        Map<String, Object> out = new LinkedHashMap<>();
        MutableClock clock = new MutableClock();
        try (TestOpenIdProvider op = TestOpenIdProvider.start()) {
            op.setDefaultUser(TypicalImsLogin.testUser()).setClock(clock);
            out.put("refresh", describe(concurrentRefresh(op, clock)));
            out.put("coldServiceTokenProvider", describe(coldServiceTokens(op)));
        }
        out.put("callers", CALLERS);
        return out;
    }

    /**
     * One signed-in session; each trial moves the clock to 30 s before the access token expires (inside the
     * 60 s refresh margin) and sends {@link #CALLERS} requests of that session at once.
     */
    private List<Trial> concurrentRefresh(TestOpenIdProvider op, MutableClock clock) {
        List<Trial> trials = new ArrayList<>();
        try (BenchServer server = BenchServer.start(Variant.IMS, op, clock, "portal-refresh-count")) {
            String cookie = walker.signIn(server.pageUrl(), Variant.IMS.signedInPage).sessionCookie();
            String origin = server.base().replaceAll("^http://|/app$", "");
            for (int t = 0; t < TRIALS; t++) {
                clock.advance(Duration.ofHours(1).minusSeconds(30));
                long before = op.tokenCalls();
                long ok = all(() -> {
                    Map<String, Map<String, String>> jar = new HashMap<>();
                    jar.put(origin, new HashMap<>(Map.of("JSESSIONID", cookie)));
                    String body = walker.get(URI.create(server.pageUrl()), jar).body();
                    return Variant.IMS.signedInPage.equals(body);
                });
                trials.add(new Trial(op.tokenCalls() - before, ok));
                log("refresh trial " + (t + 1) + ": " + CALLERS + " requests at once, " + ok + " served signed in, "
                        + (op.tokenCalls() - before) + " token-endpoint call(s)");
            }
        }
        return trials;
    }

    /** Each trial: a new provider (discovery included), {@link #CALLERS} threads call getToken() at once. */
    private List<Trial> coldServiceTokens(TestOpenIdProvider op) {
        op.registerClient("service-count", "service-count-secret-0123456789");
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("service-count")
                    .clientSecret("service-count-secret-0123456789").allowInsecureLoopback(true).build();
            ServiceTokenProvider tokens = new ServiceTokenProvider(config.serviceClient(),
                    ProviderHttp.defaultClient(config.provider().connectTimeout()), Clock.systemUTC(), Sleeper.SYSTEM);
            long before = op.tokenCalls();
            long ok = all(() -> tokens.getToken().accessToken() != null);
            trials.add(new Trial(op.tokenCalls() - before, ok));
            log("cold ServiceTokenProvider trial " + (t + 1) + ": " + CALLERS + " callers, " + ok + " got a token, "
                    + (op.tokenCalls() - before) + " token-endpoint call(s)");
        }
        return trials;
    }

    /** Runs the call on {@link #CALLERS} threads released together; returns how many answered true. */
    private static long all(Callable<Boolean> call) {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        long ok = 0;
        try {
            ready.await();
            go.countDown();
            for (Future<Boolean> f : results) {
                try {
                    ok += f.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    log("a caller failed: " + e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return ok;
    }

    private static List<Map<String, Object>> describe(List<Trial> trials) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Trial t : trials) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tokenCalls", t.tokenCalls());
            m.put("succeeded", t.succeeded());
            out.add(m);
        }
        return out;
    }

    private static void log(String line) {
        System.out.println("[counts] " + line);
    }
}
