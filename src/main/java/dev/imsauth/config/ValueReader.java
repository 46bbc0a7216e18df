package dev.imsauth.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of raw configuration strings. A malformed value is recorded in the {@link ConfigProblems}
 * with its key and read as unset, so the remaining keys are still read and checked.
 */
final class ValueReader {
    private final ConfigSource source;
    private final ConfigProblems problems;

    ValueReader(ConfigSource source, ConfigProblems problems) {
        this.source = source;
        this.problems = problems;
    }

    Optional<String> string(String key) {
        return source.get(key);
    }

    /** Space- or comma-separated values. */
    Optional<List<String>> list(String key) {
        return source.get(key).map(v -> Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
    }

    Optional<Boolean> bool(String key) {
        return source.get(key).map(v -> problems.value(() -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ImsAuthConfigException(key, "must be true or false; got '" + v + "'");
        }));
    }

    Optional<Integer> integer(String key) {
        return source.get(key).map(v -> problems.value(() -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ImsAuthConfigException(key, "must be a whole number; got '" + v + "'");
            }
        }));
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, ISO-8601 ({@code PT30S}) or plain seconds. */
    Optional<Duration> duration(String key) {
        return source.get(key).map(v -> problems.value(() -> parseDuration(key, v)));
    }

    static Duration parseDuration(String key, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            char unit = s.charAt(s.length() - 1);
            String number = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
            long n = Long.parseLong(number);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> {
                    if (Character.isDigit(unit)) {
                        yield Duration.ofSeconds(n);
                    }
                    throw new NumberFormatException();
                }
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ImsAuthConfigException(key, "must be a duration such as 500ms, 30s, 10m or PT30S; got '" + v + "'");
        }
    }
}
