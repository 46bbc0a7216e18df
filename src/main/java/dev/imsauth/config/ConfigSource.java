package dev.imsauth.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration values come from: filter init-params, MicroProfile Config, system properties
 * or the environment. The builders ask a source for each key of the {@link ConfigKey} table, by its
 * name, e.g. {@code ims.client-id}; a source keeps no list of keys of its own.
 */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value for a key, or empty when this source does not set it (blank counts as unset). */
    Optional<String> get(String key);

    /** This source, falling back to {@code other} for keys it does not set. */
    default ConfigSource orElse(ConfigSource other) {
        return key -> {
            Optional<String> mine = get(key);
            return mine.isPresent() ? mine : other.get(key);
        };
    }

    /** A fixed map, mostly for tests and programmatic set-up. */
    static ConfigSource of(Map<String, String> values) {
        return lookup(values::get);
    }

    /**
     * A source over any lookup by key (init-params, context parameters, …) that gives {@code null} when unset;
     * values are trimmed and blank counts as unset, as for every source.
     */
    static ConfigSource lookup(Function<String, String> values) {
        return key -> nonBlank(values.apply(key));
    }

    /** JVM system properties under the same key. */
    static ConfigSource systemProperties() {
        return lookup(System::getProperty);
    }

    /** Environment variables: {@code ims.client-id} is read as {@code IMS_CLIENT_ID} (MicroProfile's mapping). */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /** Environment-style lookup in the given map ({@link ConfigKey#environmentVariable()}); see {@link #environment()}. */
    static ConfigSource environment(Map<String, String> env) {
        return key -> nonBlank(env.get(ConfigKey.environmentName(key)));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
