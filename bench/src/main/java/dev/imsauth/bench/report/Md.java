package dev.imsauth.bench.report;

import java.util.Locale;
import java.util.Map;

/** Markdown tables and the number formats of the page (thin spaces as thousands separators, µs/ms units). */
final class Md {
    private final StringBuilder text = new StringBuilder();

    /** A table with this header row; a column whose name starts with {@code >} is right-aligned. */
    static Md table(String... columns) {
        Md md = new Md();
        StringBuilder rule = new StringBuilder("|");
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            boolean right = columns[i].startsWith(">");
            names[i] = right ? columns[i].substring(1) : columns[i];
            rule.append(right ? "---:|" : "---|");
        }
        return md.row((Object[]) names).line(rule.toString());
    }

    Md row(Object... cells) {
        StringBuilder sb = new StringBuilder("|");
        for (Object c : cells) {
            sb.append(' ').append(c).append(" |");
        }
        return line(sb.toString());
    }

    Md line(String s) {
        text.append(s).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    // ---------------------------------------------------------------- numbers

    /** An integer or one decimal, with spaces between thousands; n/a for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String pattern = v == Math.rint(v) ? "%,.0f" : "%,.1f";
        return String.format(Locale.ROOT, pattern, v).replace(',', ' ');
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** A duration in microseconds, as µs below a millisecond and ms above. */
    static String micros(double us) {
        return us >= 1000 ? f("%.2f ms", us / 1000) : f("%.0f µs", us);
    }

    /** A duration in nanoseconds in the unit that reads best; – when not measured. */
    static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return "–";
        }
        return ns >= 1000 ? score(ns / 1000, "us/op") : score(ns, "ns/op");
    }

    /** A JMH score with its unit made readable (µs, calls/µs). */
    static String score(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String u = unit.equals("ops/us") ? "calls/µs" : unit.replace("/op", "").replace("us", "µs");
        if (v >= 100) {
            return f("%,.0f %s", v, u).replace(',', ' ');
        }
        return f(v >= 10 ? "%.1f %s" : "%.2f %s", v, u);
    }

    static String score(Map<String, Object> benchmark) {
        Map<String, Object> pm = Results.map(benchmark.get("primaryMetric"));
        return score(Results.d(pm, "score"), String.valueOf(pm.get("scoreUnit")));
    }

    static String error(Map<String, Object> benchmark) {
        Map<String, Object> pm = Results.map(benchmark.get("primaryMetric"));
        return score(Results.d(pm, "scoreError"), String.valueOf(pm.get("scoreUnit")));
    }

    static String verdict(boolean met) {
        return met ? "**yes**" : "**no** (see Findings)";
    }

    static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
