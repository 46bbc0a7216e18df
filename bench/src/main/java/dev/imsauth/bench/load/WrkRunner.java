package dev.imsauth.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's wrk against one URL on 127.0.0.1 with a session cookie and reads its summary. */
final class WrkRunner {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private final int threads;
    private final int connections;

    WrkRunner(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    /** What wrk reported for one run. */
    record Result(double requestsPerSecond, long requests, double p50Micros, double p75Micros, double p90Micros,
                  double p99Micros, long non2xx3xx, long socketErrors) {
    }

    String describe() {
        return "wrk -t" + threads + " -c" + connections + " --latency";
    }

    Result run(String url, String cookie, int seconds) {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("wrk may only target 127.0.0.1: " + url);
        }
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency",
                "-H", "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "-H", "Sec-Fetch-Mode: navigate"));
        if (cookie != null) {
            cmd.add("-H");
            cmd.add("Cookie: JSESSIONID=" + cookie);
        }
        cmd.add(url);
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk (apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(out);
    }

    static Result parse(String out) {
        Matcher rps = RPS.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rps.find() || !total.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        double[] pct = new double[4];
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            pct[i] = micros(Double.parseDouble(m.group(2)), m.group(3));
        }
        Matcher err = ERRORS.matcher(out);
        long non2xx = err.find() ? Long.parseLong(err.group(1)) : 0;
        Matcher se = SOCKET_ERRORS.matcher(out);
        long socket = 0;
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                socket += Long.parseLong(se.group(g));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)), pct[0], pct[1], pct[2], pct[3],
                non2xx, socket);
    }

    private static double micros(double v, String unit) {
        return switch (unit) {
            case "us" -> v;
            case "ms" -> v * 1_000;
            default -> v * 1_000_000;
        };
    }
}
