package dev.imsauth.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Complete browserless sign-ins per second against one server, from a fixed number of client threads. */
final class LoginThroughput {
    private final SignInWalker walker = new SignInWalker();
    private final int threads;

    LoginThroughput(int threads) {
        this.threads = threads;
    }

    /** One measurement: completed sign-ins, failures, and the latency of a whole sign-in. */
    record Result(double signInsPerSecond, long completed, long failed, double p50Millis, double p99Millis,
                  String firstFailure) {
    }

    Result run(BenchServer server, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        walker.signIn(server.pageUrl(), server.variant.signedInPage);
                        latencies.add(System.nanoTime() - t0);
                        ok.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        failures.add(e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return new Result(ok.get() / elapsed, ok.get(), failed.get(), percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, failures.peek());
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
