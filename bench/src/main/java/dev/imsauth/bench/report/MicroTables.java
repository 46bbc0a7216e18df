package dev.imsauth.bench.report;

import java.util.Map;

/** The run's facts (machine, load, source) and the microbenchmarks' table (JMH beside thread CPU time). */
final class MicroTables {
    private final Results r;

    MicroTables(Results r) {
        this.r = r;
    }

    String run() {
        return Md.table("", "")
                .row("machine", r.machine("cpu") + ", " + r.machine("cores") + " cores, " + r.machine("memory") + " memory")
                .row("system", r.machine("os") + ", Linux " + r.machine("kernel"))
                .row("JDK", r.machine("java"))
                .row("tools", r.machine("wrk") + "; " + r.machine("maven"))
                .row("load average (1/5/15 min)", "when measuring began: " + r.machine("loadStart") + "; at the end: "
                        + r.machine("loadEnd") + " — " + loadComment())
                .row("when", r.machine("started") + " to " + r.machine("finished") + " (" + r.machine("elapsed") + ")")
                .row("source", "commit `" + r.machine("commit") + "`")
                .toString();
    }

    private String loadComment() {
        double start;
        try {
            start = Double.parseDouble(r.machine("loadStart").trim().split("[ ,]+")[0]);
        } catch (RuntimeException e) {
            start = Double.NaN;
        }
        return start < 1.5 ? "the machine was quiet when the run began"
                : "other work was running on this machine when the run began; every variant was exposed to it alike "
                + "(rotating order), so the ratios stand, but absolute numbers are lower than on a quiet machine";
    }

    String micro() {
        Md t = Md.table("benchmark", ">JMH score", ">± 99.9 %", ">thread CPU time", "what it measures");
        for (Map<String, Object> b : r.benchesByName()) {
            String name = Results.shortName(b);
            int threads = ((Number) b.get("threads")).intValue();
            t.row("`" + name + "`" + (threads == 1 ? "" : " (" + threads + " threads)"), Md.score(b), Md.error(b),
                    Md.nanos(r.cpuNanos(name)), explain(name));
        }
        return t.toString();
    }

    private String explain(String name) {
        return switch (name) {
            case "AuthorizationRequestBenchmark.startLogin" -> "a sign-in's start: 256-bit state and nonce, PKCE verifier "
                    + "and S256 challenge, the authorization URL";
            case "CallbackBenchmark.completeLogin" -> "`OidcClient.completeLogin`: code redemption request, token-response "
                    + "parsing, RS256 ID-token verification with the cached JWKS, claims";
            case "CallbackBenchmark.filterCallback" -> "the whole callback in `ImsAuthFilter`: parameters, single-use state "
                    + "from the session, the above, session-id rotation, storing the user, the redirect";
            case "CallbackBenchmark.rs256VerifyOnly" -> "the floor: Nimbus verifying the same ID token's RS256 signature, "
                    + "nothing else";
            case "PassThroughBenchmark.filterSignedIn" -> "a signed-in request through `ImsAuthFilter` to an app that reads "
                    + "the principal and checks a role";
            case "PassThroughBenchmark.noFilter" -> "the same app call without the filter (the difference is the filter's cost)";
            case "ServiceTokenProviderBenchmark.cachedToken" -> "`ServiceTokenProvider.getToken()` with a cached, valid token";
            case "ServiceTokenProviderBenchmark.cachedToken64Threads" -> "the same from 64 threads at once, in calls per "
                    + "microsecond over all threads (higher is better), i.e. "
                    + Md.nanos(r.perCallNanos(name)) + " of a core per call on " + r.machine("cores") + " cores";
            default -> "";
        };
    }
}
