package dev.imsauth.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem of one configuration build, so that {@link #throwIfAny()} reports them all in one
 * {@link ImsAuthConfigException} (as Soteria does) instead of stopping at the first. The checks shared by
 * the sign-in and the service-client settings live here too; each records its problem and returns
 * {@code null} (or the value unchanged) so the build goes on to the next key.
 */
final class ConfigProblems {
    private final List<ImsAuthConfigException.Problem> problems = new ArrayList<>();

    /** Runs a check that returns a value; a failed check is recorded and gives {@code null}. */
    <T> T value(Supplier<T> check) {
        try {
            return check.get();
        } catch (ImsAuthConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** Runs a check that returns nothing; a failure is recorded. */
    void run(Runnable check) {
        try {
            check.run();
        } catch (ImsAuthConfigException e) {
            problems.addAll(e.problems());
        }
    }

    void addAll(ConfigProblems other) {
        problems.addAll(other.problems);
    }

    void add(String key, String fix) {
        problems.add(new ImsAuthConfigException.Problem(key, fix));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one exception listing every recorded problem; returns when there is none. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ImsAuthConfigException(problems);
        }
    }

    String required(String key, String value, String what) {
        if (value == null || value.isBlank()) {
            add(key, "is missing; set it to " + what + " (filter init-param or MicroProfile property " + key
                    + ", or environment variable " + ConfigKey.environmentName(key) + ")");
            return null;
        }
        return value.trim();
    }

    String path(String key, String value) {
        if (value == null || !value.startsWith("/") || value.startsWith("//") || value.contains("\\")) {
            add(key, "must be a path starting with a single /; got '" + value + "'");
        }
        return value;
    }

    Duration positive(String key, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            add(key, "must be a positive duration such as 10s; got " + d);
        }
        return d;
    }

    Duration nonNegative(String key, Duration d) {
        if (d == null || d.isNegative()) {
            add(key, "must be a duration of zero or more such as 60s; got " + d);
        }
        return d;
    }

    int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            add(key, "must be between " + min + " and " + max + "; got " + value);
        }
        return value;
    }
}
