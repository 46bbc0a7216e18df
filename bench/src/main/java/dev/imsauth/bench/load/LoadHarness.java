package dev.imsauth.bench.load;

import dev.imsauth.bench.support.TypicalImsLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.SessionStore;
import dev.imsauth.testsupport.TestOpenIdProvider;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;
import net.minidev.json.JSONStyle;

/**
 * The HTTP side of the benchmarks, in one JVM and one run: a test OpenID provider and one Jetty server per
 * {@link Variant} on 127.0.0.1; one signed-in session on each; wrk against each in rotating order so
 * drift hits all alike; complete sign-ins per second for ims-auth and pac4j; provider fetches per
 * signed-in request; serialized session sizes. Writes JSON for the report.
 *
 * <p>Arguments (all optional): {@code out=PATH seconds=N rounds=N warmup=N login-seconds=N login-rounds=N
 * login-warmup=N login-threads=N wrk-threads=N wrk-connections=N only=login}; {@code only=login} measures sign-ins and
 * session sizes alone (for profiling the sign-in path), which the report cannot render.
 */
public final class LoadHarness {
    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger LIBRARY_LOGGER = java.util.logging.Logger.getLogger("dev.imsauth");
    private final Map<String, String> args;
    private final int seconds;
    private final int rounds;
    private final int warmup;
    private final double loginSeconds;
    private final double loginWarmup;
    private final int loginRounds;
    private final int loginThreads;
    private final WrkRunner wrk;
    private final SignInWalker walker = new SignInWalker();

    private LoadHarness(Map<String, String> args) {
        this.args = args;
        seconds = intArg("seconds", 10);
        rounds = intArg("rounds", 3);
        warmup = intArg("warmup", 5);
        loginSeconds = Double.parseDouble(args.getOrDefault("login-seconds", "8"));
        // sign-ins reach the JIT's steady state slowly (the CPU per sign-in still fell by a fifth from the first to the
        // third 5 s round after a 3 s warm-up): warm each variant up for two rounds' time
        loginWarmup = Double.parseDouble(args.getOrDefault("login-warmup", String.valueOf(2 * loginSeconds)));
        loginRounds = intArg("login-rounds", 2);
        loginThreads = intArg("login-threads", 8);
        wrk = new WrkRunner(intArg("wrk-threads", 2), intArg("wrk-connections", 32));
    }

    public static void main(String[] argv) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path out = Path.of(args.getOrDefault("out", "target/results/load.json"));
        Map<String, Object> results = new LoadHarness(args).run();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSONObject.toJSONString(results, JSONStyle.NO_COMPRESS), StandardCharsets.UTF_8);
        System.out.println("load results written to " + out);
        System.exit(0);
    }

    private Map<String, Object> run() {
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("wrk", wrk.describe());
        settings.put("seconds", seconds);
        settings.put("rounds", rounds);
        settings.put("warmup", warmup);
        settings.put("loginSeconds", loginSeconds);
        settings.put("loginWarmup", loginWarmup);
        settings.put("loginRounds", loginRounds);
        settings.put("loginThreads", loginThreads);
        results.put("settings", settings);

        boolean loginOnly = "login".equals(args.get("only"));
        if (!loginOnly) {
            results.put("counts", new Counts().run());
        }
        try (TestOpenIdProvider op = TestOpenIdProvider.start()) {
            productionLogging();
            op.setDefaultUser(TypicalImsLogin.testUser());
            Map<Variant, BenchServer> servers = new EnumMap<>(Variant.class);
            try {
                for (Variant v : Variant.values()) {
                    servers.put(v, BenchServer.start(v, op));
                }
                Map<Variant, String> cookies = signInOnEach(servers);
                results.put("variants", describe(servers));
                if (!loginOnly) {
                    log("warming up every server (" + warmup + " s each)");
                    for (Variant v : Variant.values()) {
                        wrk.run(servers.get(v).pageUrl(), cookies.get(v), warmup);
                    }
                    results.put("wrk", measureThroughput(op, servers, cookies));
                }
                results.put("login", measureLogins(servers));
                results.put("session", sessionSizes(servers, cookies));
                Map<String, Object> provider = new LinkedHashMap<>();
                provider.put("discoveryCalls", op.discoveryCalls());
                provider.put("jwksCalls", op.jwksCalls());
                provider.put("tokenCalls", op.tokenCalls());
                results.put("provider", provider);
            } finally {
                servers.values().forEach(BenchServer::close);
            }
        }
        return results;
    }

    private Map<Variant, String> signInOnEach(Map<Variant, BenchServer> servers) {
        Map<Variant, String> cookies = new EnumMap<>(Variant.class);
        for (Map.Entry<Variant, BenchServer> e : servers.entrySet()) {
            BenchServer s = e.getValue();
            String cookie = e.getKey() == Variant.BARE
                    ? walker.openSession(s.base() + "/session")
                    : walker.signIn(s.pageUrl(), e.getKey().signedInPage).sessionCookie();
            if (cookie == null) {
                throw new IllegalStateException("no session cookie for " + e.getKey().label);
            }
            Map<String, Map<String, String>> jar = new java.util.HashMap<>();
            jar.put(s.base().replaceAll("^http://|/app$", ""), new java.util.HashMap<>(Map.of("JSESSIONID", cookie)));
            String body = walker.get(URI.create(s.pageUrl()), jar).body();
            if (!body.equals(e.getKey().signedInPage)) {
                throw new IllegalStateException(e.getKey().label + " does not answer the signed-in page: " + body);
            }
            cookies.put(e.getKey(), cookie);
            log(e.getKey().label + ": session ready at " + s.pageUrl());
        }
        return cookies;
    }

    private List<Map<String, Object>> describe(Map<Variant, BenchServer> servers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Variant v : servers.keySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.label);
            m.put("description", v.description);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> measureThroughput(TestOpenIdProvider op, Map<Variant, BenchServer> servers,
                                                      Map<Variant, String> cookies) {
        List<Map<String, Object>> runs = new ArrayList<>();
        Variant[] all = Variant.values();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < all.length; i++) {
                Variant v = all[(i + r) % all.length];
                BenchServer s = servers.get(v);
                long served0 = s.servlet.served.sum();
                long principal0 = s.servlet.withPrincipal.sum();
                long fetches0 = op.discoveryCalls() + op.jwksCalls();
                long cpu0 = processCpuNanos();
                WrkRunner.Result res = wrk.run(s.pageUrl(), cookies.get(v), seconds);
                long cpu = processCpuNanos() - cpu0;
                long served = s.servlet.served.sum() - served0;
                long principal = s.servlet.withPrincipal.sum() - principal0;
                long fetches = op.discoveryCalls() + op.jwksCalls() - fetches0;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("round", r + 1);
                m.put("variant", v.label);
                m.put("requestsPerSecond", res.requestsPerSecond());
                m.put("requests", res.requests());
                m.put("p50Micros", res.p50Micros());
                m.put("p75Micros", res.p75Micros());
                m.put("p90Micros", res.p90Micros());
                m.put("p99Micros", res.p99Micros());
                m.put("non2xx3xx", res.non2xx3xx());
                m.put("socketErrors", res.socketErrors());
                m.put("servletServed", served);
                m.put("servletWithPrincipal", principal);
                m.put("providerFetches", fetches);
                m.put("serverCpuMicrosPerRequest", served == 0 ? 0.0 : cpu / 1000.0 / served);
                runs.add(m);
                log(String.format("round %d %-15s %9.0f req/s  p50 %7.0f us  p99 %7.0f us  server CPU %5.1f us/req  "
                                + "served %d (principal %d)  non-2xx/3xx %d  provider fetches %d", r + 1, v.label,
                        res.requestsPerSecond(), res.p50Micros(), res.p99Micros(), served == 0 ? 0.0 : cpu / 1000.0 / served,
                        served, principal, res.non2xx3xx(), fetches));
                if (v != Variant.BARE && principal < res.requests()) {
                    throw new IllegalStateException(v.label + ": only " + principal + " of " + res.requests()
                            + " requests reached the page signed in");
                }
            }
        }
        return runs;
    }

    private List<Map<String, Object>> measureLogins(Map<Variant, BenchServer> servers) {
        LoginThroughput logins = new LoginThroughput(loginThreads);
        List<Variant> measured = List.of(Variant.IMS, Variant.PAC4J);
        log("warming up sign-ins");
        for (Variant v : measured) {
            logins.run(servers.get(v), loginWarmup);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int r = 0; r < loginRounds; r++) {
            for (int i = 0; i < measured.size(); i++) {
                Variant v = measured.get((i + r) % measured.size());
                ThreadCpu threads = ThreadCpu.now();
                long cpu0 = processCpuNanos();
                LoginThroughput.Result res = logins.run(servers.get(v), loginSeconds);
                long cpu = processCpuNanos() - cpu0;
                Map<String, Long> byGroup = threads.since();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("round", r + 1);
                m.put("variant", v.label);
                m.put("signInsPerSecond", res.signInsPerSecond());
                m.put("completed", res.completed());
                m.put("failed", res.failed());
                m.put("p50Millis", res.p50Millis());
                m.put("p99Millis", res.p99Millis());
                double n = Math.max(1, res.completed());
                m.put("cpuMicrosPerSignIn", cpu / 1e3 / n);
                m.put("serverCpuMicrosPerSignIn", byGroup.getOrDefault("bench-" + v.label, 0L) / 1e3 / n);
                m.put("libraryHttpCpuMicrosPerSignIn", byGroup.getOrDefault("ims-auth-http", 0L) / 1e3 / n);
                m.put("providerCpuMicrosPerSignIn", byGroup.getOrDefault("test-op", 0L) / 1e3 / n);
                runs.add(m);
                log(String.format("  CPU per sign-in %.0f us: server threads %.0f, library HTTP threads %.0f, provider %.0f",
                        m.get("cpuMicrosPerSignIn"), m.get("serverCpuMicrosPerSignIn"),
                        m.get("libraryHttpCpuMicrosPerSignIn"), m.get("providerCpuMicrosPerSignIn")));
                log(String.format("sign-ins round %d %-10s %7.1f /s  p50 %6.1f ms  p99 %6.1f ms  failed %d%s", r + 1,
                        v.label, res.signInsPerSecond(), res.p50Millis(), res.p99Millis(), res.failed(),
                        res.firstFailure() == null ? "" : " (first: " + res.firstFailure() + ")"));
            }
        }
        return runs;
    }

    private Map<String, Object> sessionSizes(Map<Variant, BenchServer> servers, Map<Variant, String> cookies) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Variant v : List.of(Variant.IMS, Variant.PAC4J, Variant.PAC4J_DEFAULTS)) {
            HttpSession session = servers.get(v).session(cookies.get(v)).orElseThrow(
                    () -> new IllegalStateException("the signed-in session of " + v.label + " is gone"));
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Integer> attributes = SessionSizes.attributes(session);
            m.put("attributes", attributes);
            m.put("total", attributes.values().stream().mapToInt(Integer::intValue).sum());
            if (v == Variant.IMS) {
                SignedInUser user = (SignedInUser) session.getAttribute(SessionStore.USER_ATTRIBUTE);
                int tokens = SessionSizes.tokenBytes(user);
                m.put("tokenStringBytes", tokens);
                m.put("accessTokenChars", user.tokens().accessToken().length());
                m.put("idTokenChars", user.tokens().idToken().map(String::length).orElse(0));
                m.put("refreshTokenChars", user.tokens().refreshToken().map(String::length).orElse(0));
                m.put("claims", user.claims().all().size());
                m.put("besidesTokens", (Integer) m.get("total") - tokens);
                m.put("fixedPart", SessionSizes.fixedPart());
            }
            out.put(v.label, m);
            log("session of " + v.label + ": " + m);
        }
        return out;
    }

    /**
     * The library's logger as an application runs it (INFO, no handler of the test suite). The test provider
     * comes from the library's test-jar, whose log-hygiene ledger turns the library's logger to ALL and keeps
     * every formatted line in memory: in a sign-in benchmark that is a debug line formatted and kept per
     * sign-in for ims-auth only (pac4j logs at WARN here), about a sixth of the callback's CPU samples.
     */
    private static void productionLogging() {
        LIBRARY_LOGGER.setLevel(java.util.logging.Level.INFO);
        for (java.util.logging.Handler h : LIBRARY_LOGGER.getHandlers()) {
            LIBRARY_LOGGER.removeHandler(h);
        }
    }

    /** CPU time of this JVM (servers, provider, GC, JIT): only the variant under load is busy meanwhile. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private int intArg(String name, int dflt) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(dflt)));
    }

    private static void log(String line) {
        System.out.println("[load] " + line);
    }
}
