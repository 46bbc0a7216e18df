package dev.imsauth.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import net.minidev.json.JSONValue;

/**
 * One run's results as run.sh left them (JMH's JSON, the thread-CPU probe's, the load harness's and the
 * machine facts), with the statistics the page needs: medians over rounds and ratios taken round by round.
 */
final class Results {
    static final List<String> VARIANTS = List.of("bare", "ims-auth", "pac4j", "pac4j-defaults");
    final Properties machine = new Properties();
    final List<Map<String, Object>> jmh;
    final Map<String, Object> load;
    private final Map<String, Object> cpu;

    Results(Path dir) throws IOException {
        try (Reader r = Files.newBufferedReader(dir.resolve("machine.properties"), StandardCharsets.UTF_8)) {
            machine.load(r);
        }
        jmh = list(JSONValue.parse(Files.readString(dir.resolve("jmh.json"))));
        load = map(JSONValue.parse(Files.readString(dir.resolve("load.json"))));
        cpu = map(JSONValue.parse(Files.readString(dir.resolve("cpu.json"))));
    }

    String machine(String key) {
        return machine.getProperty(key, "?");
    }

    Map<String, Object> settings() {
        return map(load.get("settings"));
    }

    Object setting(String key) {
        return settings().get(key);
    }

    List<Map<String, Object>> wrkRuns() {
        return list(load.get("wrk"));
    }

    List<Map<String, Object>> loginRuns() {
        return list(load.get("login"));
    }

    // ---------------------------------------------------------------- rounds

    /** The median over the wrk rounds of one variant's field. */
    double median(String variant, String field) {
        return median(wrkRuns(), variant, field);
    }

    static double median(List<Map<String, Object>> runs, String variant, String field) {
        return median(runs.stream().filter(r -> variant.equals(r.get("variant"))).mapToDouble(r -> d(r, field)).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The median of the wrk rounds' own ratios of a field, variant to other. */
    double ratio(String variant, String other, String field) {
        return median(roundRatios(wrkRuns(), variant, other, field));
    }

    /** A field of the variant divided by the other's, round by round (runs of one round ran back to back). */
    static double[] roundRatios(List<Map<String, Object>> runs, String variant, String other, String field) {
        int rounds = runs.stream().mapToInt(r -> ((Number) r.get("round")).intValue()).max().orElse(0);
        double[] out = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            out[round - 1] = value(runs, round, variant, field) / value(runs, round, other, field);
        }
        return out;
    }

    private static double value(List<Map<String, Object>> runs, int round, String variant, String field) {
        for (Map<String, Object> run : runs) {
            if (((Number) run.get("round")).intValue() == round && variant.equals(run.get("variant"))) {
                return d(run, field);
            }
        }
        return Double.NaN;
    }

    /** The sum over the wrk rounds of one variant's field. */
    double total(String variant, String field) {
        return sum(wrkRuns(), variant, field);
    }

    static double sum(List<Map<String, Object>> runs, String variant, String field) {
        return runs.stream().filter(r -> variant.equals(r.get("variant"))).mapToDouble(r -> d(r, field)).sum();
    }

    double fetchesPer10k(String variant) {
        double requests = total(variant, "requests");
        return requests == 0 ? Double.NaN : total(variant, "providerFetches") * 10_000 / requests;
    }

    Map<String, Object> session(String variant) {
        return map(map(load.get("session")).get(variant));
    }

    // ---------------------------------------------------------------- JMH and thread CPU time

    Map<String, Object> bench(String shortName) {
        for (Map<String, Object> b : jmh) {
            if (shortName(b).equals(shortName)) {
                return b;
            }
        }
        return null;
    }

    List<Map<String, Object>> benchesByName() {
        List<Map<String, Object>> sorted = new ArrayList<>(jmh);
        sorted.sort(java.util.Comparator.comparing(Results::shortName));
        return sorted;
    }

    static String shortName(Map<String, Object> b) {
        String[] parts = String.valueOf(b.get("benchmark")).split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** A JMH score in nanoseconds per operation (NaN when the benchmark is missing). */
    double nanos(String shortName) {
        Map<String, Object> b = bench(shortName);
        if (b == null) {
            return Double.NaN;
        }
        Map<String, Object> pm = map(b.get("primaryMetric"));
        return switch (String.valueOf(pm.get("scoreUnit"))) {
            case "ns/op" -> d(pm, "score");
            case "us/op" -> d(pm, "score") * 1_000;
            case "ms/op" -> d(pm, "score") * 1_000_000;
            default -> throw new IllegalStateException("unexpected JMH unit " + pm.get("scoreUnit") + " of " + shortName);
        };
    }

    /** For a throughput score in ops/µs over all threads: the core-nanoseconds one call costs. */
    double perCallNanos(String shortName) {
        Map<String, Object> b = bench(shortName);
        if (b == null) {
            return Double.NaN;
        }
        Map<String, Object> pm = map(b.get("primaryMetric"));
        if (!"ops/us".equals(pm.get("scoreUnit"))) {
            throw new IllegalStateException("expected a throughput in ops/us, got " + pm.get("scoreUnit"));
        }
        return Integer.parseInt(machine.getProperty("cores", "1")) * 1000 / d(pm, "score");
    }

    /** The thread CPU time per call of an operation in nanoseconds (NaN when not probed). */
    double cpuNanos(String name) {
        return cpu.get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    // ---------------------------------------------------------------- JSON

    static double d(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String text) {
            return Double.parseDouble(text);
        }
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
