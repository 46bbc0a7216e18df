package dev.imsauth.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values a builder holds, one slot per {@link ConfigKey}: what was set (by code or read from a
 * {@link ConfigSource}) or else the table's default. A malformed raw value is recorded in the read problems
 * with its key and counts as unset, so every other key is still read and checked.
 */
final class ConfigValues {
    private final Map<ConfigKey, Object> set = new EnumMap<>(ConfigKey.class);
    private final ConfigProblems readProblems = new ConfigProblems();

    /** Reads every key of {@code keys} that {@code source} sets. */
    void read(ConfigSource source, Predicate<ConfigKey> keys) {
        for (ConfigKey key : ConfigKey.where(keys)) {
            source.get(key.key()).ifPresent(raw -> parse(key, raw));
        }
    }

    /** Sets a raw text value as a source would give it; {@code null} or blank unsets the key. */
    void parse(ConfigKey key, String raw) {
        if (raw == null || raw.isBlank()) {
            set.remove(key);
            return;
        }
        Object value = readProblems.value(() -> key.kind().parse(key, raw.trim()));
        if (value != null) {
            set.put(key, value);
        }
    }

    /** Sets a typed value; {@code null} unsets the key (its default applies). */
    void put(ConfigKey key, Object value) {
        if (value == null) {
            set.remove(key);
        } else {
            set.put(key, value instanceof List<?> list ? List.copyOf(list) : value);
        }
    }

    boolean isSet(ConfigKey key) {
        return set.containsKey(key);
    }

    /** A new problem list holding the read problems, then every table check of the keys in {@code keys}. */
    ConfigProblems checked(Predicate<ConfigKey> keys) {
        ConfigProblems p = new ConfigProblems();
        p.addAll(readProblems);
        ConfigKey.where(keys).forEach(key -> key.check(get(key), p));
        return p;
    }

    String text(ConfigKey key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    List<String> list(ConfigKey key) {
        return (List<String>) get(key);
    }

    boolean bool(ConfigKey key) {
        return (Boolean) get(key);
    }

    int integer(ConfigKey key) {
        return (Integer) get(key);
    }

    Duration duration(ConfigKey key) {
        return (Duration) get(key);
    }

    private Object get(ConfigKey key) {
        return set.containsKey(key) ? set.get(key) : key.parsedDefault();
    }
}
