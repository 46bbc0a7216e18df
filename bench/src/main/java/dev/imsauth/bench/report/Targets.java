package dev.imsauth.bench.report;

import static dev.imsauth.bench.report.Md.f;
import static dev.imsauth.bench.report.Md.nanos;
import static dev.imsauth.bench.report.Md.num;
import static dev.imsauth.bench.report.Md.verdict;

import java.util.List;
import java.util.Map;

/** The targets table: issue #12's targets, each judged on this run's figures (computed, never written by hand). */
final class Targets {
    private static final String PASS = "PassThroughBenchmark.";
    private static final String CALLBACK = "CallbackBenchmark.";
    private final Results r;

    Targets(Results r) {
        this.r = r;
    }

    String table() {
        Md t = Md.table("target", "measured in this run", "met?");
        filterCpu(t);
        throughput(t);
        signIns(t);
        session(t);
        callback(t);
        return t.toString();
    }

    private void filterCpu(Md t) {
        double cpu = r.cpuNanos(PASS + "filterSignedIn") - r.cpuNanos(PASS + "noFilter");
        double wall = r.nanos(PASS + "filterSignedIn") - r.nanos(PASS + "noFilter");
        t.row("The filter's CPU per signed-in request ≤ 125 ns", f("**%s** in thread CPU time (`filterSignedIn` "
                + "%s less the app call alone, `noFilter` %s); JMH wall time %s", nanos(cpu),
                nanos(r.cpuNanos(PASS + "filterSignedIn")), nanos(r.cpuNanos(PASS + "noFilter")), nanos(wall)),
                verdict(cpu <= 125));
    }

    private void throughput(Md t) {
        double[] vsBare = Results.roundRatios(r.wrkRuns(), "ims-auth", "bare", "requestsPerSecond");
        double bare = Results.median(vsBare);
        t.row("Signed-in request throughput ≥ 0.97× bare", f("**%.3f×** bare (median of the %d rounds' ratios, "
                + "which ranged %.3f–%.3f); server CPU per request %s, %.3f× bare's %s", bare, vsBare.length,
                Md.min(vsBare), Md.max(vsBare), cpuPerRequest("ims-auth"),
                r.ratio("ims-auth", "bare", "serverCpuMicrosPerRequest"), cpuPerRequest("bare")), verdict(bare >= 0.97));
        double[] vsPac4j = Results.roundRatios(r.wrkRuns(), "ims-auth", "pac4j", "requestsPerSecond");
        double pac4j = Results.median(vsPac4j);
        t.row("… and ≥ 1.2× pac4j", f("**%.3f×** pac4j (rounds %.3f–%.3f); server CPU per request %.3f× pac4j's %s; "
                + "%.3f× pac4j with its defaults", pac4j, Md.min(vsPac4j), Md.max(vsPac4j),
                r.ratio("ims-auth", "pac4j", "serverCpuMicrosPerRequest"), cpuPerRequest("pac4j"),
                r.ratio("ims-auth", "pac4j-defaults", "requestsPerSecond")), verdict(pac4j >= 1.2));
    }

    private String cpuPerRequest(String variant) {
        return f("%.1f µs", r.median(variant, "serverCpuMicrosPerRequest"));
    }

    private void signIns(Md t) {
        double[] perRound = Results.roundRatios(r.loginRuns(), "ims-auth", "pac4j", "signInsPerSecond");
        double ratio = Results.median(perRound);
        long won = java.util.Arrays.stream(perRound).filter(x -> x > 1).count();
        List<Map<String, Object>> runs = r.loginRuns();
        double ours = Results.median(runs, "ims-auth", "serverCpuMicrosPerSignIn")
                + Results.median(runs, "ims-auth", "libraryHttpCpuMicrosPerSignIn");
        double theirs = Results.median(runs, "pac4j", "serverCpuMicrosPerSignIn");
        t.row("Sign-ins per second ≥ 1.1× pac4j through the same provider", f("**%.2f×** pac4j (median of the %d "
                + "rounds' ratios, which ranged %.2f–%.2f; ims-auth ahead in %d); %.1f against %.1f sign-ins/s. "
                + "JVM CPU per sign-in %.0f µs against %.0f µs, of which the server side (request threads and the "
                + "library's HTTP threads) %.0f µs against %.0f µs (%.2f×) and the shared provider %.0f µs against %.0f µs",
                ratio, perRound.length, Md.min(perRound), Md.max(perRound), won,
                Results.median(runs, "ims-auth", "signInsPerSecond"), Results.median(runs, "pac4j", "signInsPerSecond"),
                Results.median(runs, "ims-auth", "cpuMicrosPerSignIn"), Results.median(runs, "pac4j", "cpuMicrosPerSignIn"),
                ours, theirs, ours / theirs, Results.median(runs, "ims-auth", "providerCpuMicrosPerSignIn"),
                Results.median(runs, "pac4j", "providerCpuMicrosPerSignIn")), verdict(ratio >= 1.1));
    }

    private void session(Md t) {
        Map<String, Object> ims = r.session("ims-auth");
        double ours = Results.d(ims, "total");
        double theirs = Results.d(r.session("pac4j"), "total");
        t.row("Serialized session ≤ 0.8× pac4j's for the same sign-in", f("**%s bytes**, %.2f× pac4j's %s bytes "
                + "(of ours, %s bytes are the token strings)", num(ours), ours / theirs, num(theirs),
                num(Results.d(ims, "tokenStringBytes"))), verdict(ours <= 0.8 * theirs));
    }

    private void callback(Md t) {
        double whole = r.nanos(CALLBACK + "filterCallback");
        t.row("Callback handling excluding network ≤ 100 µs", f("**%s** for the whole callback through the filter "
                + "(of which %s the protocol part, and %s the one RS256 signature check alone); in thread CPU time "
                + "%s (%s, %s)", nanos(whole), nanos(r.nanos(CALLBACK + "completeLogin")),
                nanos(r.nanos(CALLBACK + "rs256VerifyOnly")), nanos(r.cpuNanos(CALLBACK + "filterCallback")),
                nanos(r.cpuNanos(CALLBACK + "completeLogin")), nanos(r.cpuNanos(CALLBACK + "rs256VerifyOnly"))),
                verdict(whole <= 100_000));
    }
}
