package dev.imsauth.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes docs/benchmarks.md (and its chart) from one run's results. The page's prose is a template
 * (benchmarks.md next to this class's resources) with {@code {{name}}} slots; every number and table in the
 * slots comes from the run's files, and the verdicts on the targets are computed, not written by hand.
 *
 * <p>Arguments: {@code results=DIR findings=PATH doc=PATH png=PATH}; the findings are hand-written
 * (bench/findings.md) and included as they are.
 */
public final class ReportWriter {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private ReportWriter() {
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv[1]);
        }
        Path doc = Path.of(args.get("doc"));
        Path png = Path.of(args.get("png"));
        Results results = new Results(Path.of(args.get("results")));
        Map<String, String> slots = slots(results, Files.readString(Path.of(args.get("findings")), StandardCharsets.UTF_8));
        slots.put("png", png.getFileName().toString());
        Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, fill(template(), slots), StandardCharsets.UTF_8);
        BarChart.write(png, "Signed-in requests through Jetty 12 on 127.0.0.1 (" + results.machine("cores")
                + " cores, median of " + results.setting("rounds") + " rounds)", bars(results));
        System.out.println("wrote " + doc + " and " + png);
    }

    private static Map<String, String> slots(Results r, String findings) {
        LoadTables load = new LoadTables(r);
        MicroTables micro = new MicroTables(r);
        CountTables counts = new CountTables(r);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("run", micro.run());
        s.put("targets", new Targets(r).table());
        s.put("variants", load.variants());
        s.put("throughput", load.throughput());
        s.put("everyRound", load.everyRound());
        s.put("verified", load.verified());
        s.put("logins", load.logins());
        s.put("micro", micro.micro());
        s.put("counts", counts.counts());
        s.put("session", counts.session());
        s.put("findings", findings);
        for (String key : List.of("wrk", "seconds", "warmup", "rounds", "loginThreads", "loginRounds", "loginSeconds",
                "loginWarmup")) {
            s.put(key, String.valueOf(r.setting(key)));
        }
        for (String key : List.of("cores", "jmhArgs", "cpuArgs")) {
            s.put(key, r.machine(key));
        }
        Map<String, Object> ims = r.session("ims-auth");
        s.put("claims", String.valueOf(ims.get("claims")));
        s.put("accessTokenChars", String.valueOf(ims.get("accessTokenChars")));
        return s;
    }

    private static String template() throws IOException {
        try (InputStream in = ReportWriter.class.getResourceAsStream("benchmarks.md")) {
            if (in == null) {
                throw new IllegalStateException("the page template benchmarks.md is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The template with every slot filled; a slot without a value is an error, not an empty spot on the page. */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("the page template has a slot without a value: " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static List<BarChart.Bar> bars(Results r) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (String v : Results.VARIANTS) {
            bars.add(new BarChart.Bar(v, r.median(v, "requestsPerSecond"), r.ratio(v, "bare", "requestsPerSecond"),
                    r.median(v, "p50Micros"), r.median(v, "p99Micros")));
        }
        return bars;
    }
}
