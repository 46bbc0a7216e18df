package dev.imsauth.bench.report;

import static dev.imsauth.bench.report.Md.num;
import static dev.imsauth.bench.report.Results.d;

import java.util.List;
import java.util.Map;

/** The counts (provider fetches, single-flight refreshes) and what a signed-in session holds. */
final class CountTables {
    private final Results r;

    CountTables(Results r) {
        this.r = r;
    }

    String counts() {
        Md t = Md.table("what", ">count", "goal");
        for (String v : List.of("ims-auth", "pac4j", "pac4j-defaults")) {
            t.row("JWKS + discovery fetches per 10 000 signed-in requests after warm-up, " + v,
                    num(r.fetchesPer10k(v)) + " (" + num(r.total(v, "requests")) + " requests)", "0");
        }
        Map<String, Object> p = Results.map(r.load.get("provider"));
        t.row("provider calls in the whole load run (discovery / JWKS / token)", num(d(p, "discoveryCalls")) + " / "
                + num(d(p, "jwksCalls")) + " / " + num(d(p, "tokenCalls")), "discovery and JWKS once per library instance");
        Map<String, Object> c = Results.map(r.load.get("counts"));
        int callers = ((Number) c.get("callers")).intValue();
        t.row("token-endpoint calls when " + callers + " requests of one signed-in session arrive at once inside the "
                + "refresh margin (one line per trial)", trials(c.get("refresh"), callers, "requests served signed in"), "1");
        t.row("token-endpoint calls when " + callers + " threads ask a cold `ServiceTokenProvider` at once "
                + "(a new provider per trial)", trials(c.get("coldServiceTokenProvider"), callers, "callers got a token"), "1");
        return t.toString();
    }

    private static String trials(Object trials, int callers, String what) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> t : Results.list(trials)) {
            sb.append(sb.length() == 0 ? "" : "; ").append("**").append(num(d(t, "tokenCalls"))).append("** (")
                    .append(num(d(t, "succeeded"))).append('/').append(callers).append(' ').append(what).append(')');
        }
        return sb.toString();
    }

    String session() {
        Md t = Md.table("library", "attribute", ">bytes");
        for (String v : List.of("ims-auth", "pac4j", "pac4j-defaults")) {
            Map<String, Object> s = r.session(v);
            Results.map(s.get("attributes")).forEach((k, bytes) -> t.row(v, "`" + k + "`", num(((Number) bytes).doubleValue())));
            t.row(v, "**all**", "**" + num(d(s, "total")) + "**");
        }
        Map<String, Object> ims = r.session("ims-auth");
        t.row("ims-auth", "of which token strings (access " + ims.get("accessTokenChars") + ", ID " + ims.get("idTokenChars")
                + ", refresh " + ims.get("refreshTokenChars") + " chars)", num(d(ims, "tokenStringBytes")));
        t.row("ims-auth", "**besides the token strings**", "**" + num(d(ims, "besidesTokens")) + "**");
        if (ims.get("fixedPart") != null) {
            t.row("ims-auth", "of which the fixed part of Java serialization (class descriptors; the same for one claim "
                    + "and one-character tokens)", num(d(ims, "fixedPart")));
        }
        return t.toString();
    }
}
