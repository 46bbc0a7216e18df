package dev.imsauth.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where configuration values come from: filter init-params, MicroProfile Config, system properties
 * or the environment. Keys are the documented ones, e.g. {@code ims.client-id}.
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
        return key -> nonBlank(values.get(key));
    }

    /** JVM system properties under the same key. */
    static ConfigSource systemProperties() {
        return key -> nonBlank(System.getProperty(key));
    }

    /** Environment variables: {@code ims.client-id} is read as {@code IMS_CLIENT_ID} (MicroProfile's mapping). */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /** Environment-style lookup in the given map; see {@link #environment()}. */
    static ConfigSource environment(Map<String, String> env) {
        return key -> nonBlank(env.get(environmentName(key)));
    }

    /** The environment variable name for a key: non-alphanumerics become {@code _}, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
