package dev.imsauth.bench.micro;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * The microbenchmarks' operations again, timed in the CPU time of the calling thread instead of wall time.
 * JMH measures wall time, so on a machine shared with other work a benchmark thread that is preempted
 * looks slower than it is; thread CPU time counts only the cycles the operation itself used. Each
 * operation runs in its own JVM (like a JMH fork): a warm-up, then batches of about 200 ms; the median
 * batch is reported.
 *
 * <p>Arguments: {@code out=PATH [warmup=SECONDS] [measure=SECONDS]}.
 */
public final class CpuTimeProbe {
    private static final List<String> OPERATIONS = List.of("AuthorizationRequestBenchmark.startLogin",
            "CallbackBenchmark.completeLogin", "CallbackBenchmark.filterCallback", "CallbackBenchmark.rs256VerifyOnly",
            "PassThroughBenchmark.filterSignedIn", "PassThroughBenchmark.noFilter", "ServiceTokenProviderBenchmark.cachedToken");

    private CpuTimeProbe() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv[1]);
        }
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "4"));
        double measure = Double.parseDouble(args.getOrDefault("measure", "4"));
        if (args.containsKey("op")) {
            System.out.println(measure(args.get("op"), warmup, measure));
            return;
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (String op : OPERATIONS) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CpuTimeProbe.class.getName(), "op=" + op,
                    "warmup=" + warmup, "measure=" + measure).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(op + " failed: " + out);
            }
            double nanos = Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
            results.put(op, nanos);
            System.out.printf("%-40s %12.1f ns CPU/op%n", op, nanos);
        }
        Path path = Path.of(args.getOrDefault("out", "target/results/cpu.json"));
        Files.writeString(path, JSONObject.toJSONString(results, JSONStyle.NO_COMPRESS), StandardCharsets.UTF_8);
    }

    /** Median CPU nanoseconds per call of one operation. */
    static double measure(String op, double warmupSeconds, double measureSeconds) throws Exception {
        Callable<Object> call = operation(op);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long batch = 1;
        Object sink = null;
        while (System.nanoTime() < warmEnd) {
            long t0 = System.nanoTime();
            for (long i = 0; i < batch; i++) {
                sink = call.call();
            }
            if (System.nanoTime() - t0 < 50_000_000) {
                batch *= 2;
            }
        }
        List<Double> perOp = new ArrayList<>();
        long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
        long size = Math.max(1, batch * 4);
        while (System.nanoTime() < measureEnd || perOp.size() < 5) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (long i = 0; i < size; i++) {
                sink = call.call();
            }
            perOp.add((double) (mx.getCurrentThreadCpuTime() - c0) / size);
        }
        if (sink == null && !op.endsWith("noFilter")) {
            throw new IllegalStateException(op + " returned nothing");
        }
        double[] v = perOp.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v[v.length / 2];
    }

    private static Callable<Object> operation(String op) throws Exception {
        switch (op) {
            case "AuthorizationRequestBenchmark.startLogin" -> {
                AuthorizationRequestBenchmark b = new AuthorizationRequestBenchmark();
                b.setUp();
                return b::startLogin;
            }
            case "CallbackBenchmark.completeLogin", "CallbackBenchmark.filterCallback", "CallbackBenchmark.rs256VerifyOnly" -> {
                CallbackBenchmark b = new CallbackBenchmark();
                b.setUp();
                return switch (op) {
                    case "CallbackBenchmark.completeLogin" -> b::completeLogin;
                    case "CallbackBenchmark.filterCallback" -> b::filterCallback;
                    default -> b::rs256VerifyOnly;
                };
            }
            case "PassThroughBenchmark.filterSignedIn", "PassThroughBenchmark.noFilter" -> {
                PassThroughBenchmark b = new PassThroughBenchmark();
                b.setUp();
                return op.endsWith("filterSignedIn") ? b::filterSignedIn : () -> {
                    b.noFilter();
                    return Boolean.TRUE;
                };
            }
            case "ServiceTokenProviderBenchmark.cachedToken" -> {
                ServiceTokenProviderBenchmark b = new ServiceTokenProviderBenchmark();
                b.setUp();
                return b::cachedToken;
            }
            default -> throw new IllegalArgumentException("unknown operation " + op + "; known: " + Arrays.toString(OPERATIONS.toArray()));
        }
    }
}
