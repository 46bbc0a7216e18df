package dev.imsauth.bench.report;

import static dev.imsauth.bench.report.Md.f;
import static dev.imsauth.bench.report.Md.micros;
import static dev.imsauth.bench.report.Md.num;
import static dev.imsauth.bench.report.Results.d;

import java.util.List;
import java.util.Map;

/** The tables of the HTTP load harness: wrk throughput and latency, every round, sign-ins per second. */
final class LoadTables {
    private final Results r;

    LoadTables(Results r) {
        this.r = r;
    }

    String variants() {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> v : Results.list(r.load.get("variants"))) {
            sb.append("- **").append(v.get("name")).append("**: ").append(v.get("description")).append(".\n");
        }
        return sb.toString();
    }

    String throughput() {
        Md t = Md.table("variant", ">requests/s", ">× bare", ">p50 latency", ">× bare", ">p99 latency", ">× bare",
                ">server CPU per request", ">× bare");
        for (String v : Results.VARIANTS) {
            t.row(v, num(Math.rint(r.median(v, "requestsPerSecond"))), f("%.3f", r.ratio(v, "bare", "requestsPerSecond")),
                    micros(r.median(v, "p50Micros")), f("%.2f", r.ratio(v, "bare", "p50Micros")),
                    micros(r.median(v, "p99Micros")), f("%.2f", r.ratio(v, "bare", "p99Micros")),
                    f("%.1f µs", r.median(v, "serverCpuMicrosPerRequest")),
                    f("%.3f", r.ratio(v, "bare", "serverCpuMicrosPerRequest")));
        }
        return t.toString();
    }

    String everyRound() {
        Md t = Md.table(">round", "variant", ">requests/s", ">p50", ">p90", ">p99", ">server CPU/request", ">requests",
                ">reached the page signed in", ">non-2xx/3xx", ">socket errors", ">provider fetches");
        for (Map<String, Object> run : r.wrkRuns()) {
            t.row(run.get("round"), run.get("variant"), num(Math.rint(d(run, "requestsPerSecond"))),
                    micros(d(run, "p50Micros")), micros(d(run, "p90Micros")), micros(d(run, "p99Micros")),
                    f("%.1f µs", d(run, "serverCpuMicrosPerRequest")), num(d(run, "requests")),
                    "bare".equals(run.get("variant")) ? "–" : num(d(run, "servletWithPrincipal")),
                    num(d(run, "non2xx3xx")), num(d(run, "socketErrors")), num(d(run, "providerFetches")));
        }
        return t.toString();
    }

    /** How many requests of the secured variants reached the page signed in, against wrk's count. */
    String verified() {
        long requests = 0;
        long principal = 0;
        for (Map<String, Object> run : r.wrkRuns()) {
            if (!"bare".equals(run.get("variant"))) {
                requests += (long) d(run, "requests");
                principal += (long) d(run, "servletWithPrincipal");
            }
        }
        return num(principal) + " signed-in page views for " + num(requests) + " counted requests";
    }

    String logins() {
        List<Map<String, Object>> runs = r.loginRuns();
        Md t = Md.table("variant", ">sign-ins/s (median)", ">× pac4j (median of the rounds' ratios)", ">median sign-in",
                ">p99 sign-in", ">failed", ">JVM CPU per sign-in", ">server threads", ">library's HTTP threads",
                ">provider");
        for (String v : List.of("ims-auth", "pac4j")) {
            t.row(v, f("%.1f", Results.median(runs, v, "signInsPerSecond")),
                    f("%.2f", Results.median(Results.roundRatios(runs, v, "pac4j", "signInsPerSecond"))),
                    f("%.1f ms", Results.median(runs, v, "p50Millis")), f("%.1f ms", Results.median(runs, v, "p99Millis")),
                    num(Results.sum(runs, v, "failed")), cpu(runs, v, "cpuMicrosPerSignIn"),
                    cpu(runs, v, "serverCpuMicrosPerSignIn"), cpu(runs, v, "libraryHttpCpuMicrosPerSignIn"),
                    cpu(runs, v, "providerCpuMicrosPerSignIn"));
        }
        t.line("").line("<details><summary>Every round</summary>").line("");
        Md rounds = Md.table(">round", "variant", ">sign-ins/s", ">completed", ">median sign-in", ">p99 sign-in", ">failed",
                ">JVM CPU per sign-in", ">server threads", ">library's HTTP threads", ">provider");
        for (Map<String, Object> run : runs) {
            rounds.row(run.get("round"), run.get("variant"), f("%.1f", d(run, "signInsPerSecond")), num(d(run, "completed")),
                    f("%.1f ms", d(run, "p50Millis")), f("%.1f ms", d(run, "p99Millis")), num(d(run, "failed")),
                    f("%.0f µs", d(run, "cpuMicrosPerSignIn")), f("%.0f µs", d(run, "serverCpuMicrosPerSignIn")),
                    f("%.0f µs", d(run, "libraryHttpCpuMicrosPerSignIn")), f("%.0f µs", d(run, "providerCpuMicrosPerSignIn")));
        }
        return t + rounds.toString() + "\n</details>\n";
    }

    private static String cpu(List<Map<String, Object>> runs, String variant, String key) {
        return f("%.0f µs", Results.median(runs, variant, key));
    }
}
