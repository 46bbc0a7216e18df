package dev.imsauth.cdi;

import dev.imsauth.config.ConfigSource;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * MicroProfile Config as a {@link ConfigSource}: the same keys as the filter's init-params
 * ({@code ims.client-id}, …), read from the application's {@code META-INF/microprofile-config.properties},
 * system properties and the environment ({@code IMS_CLIENT_ID}), in MicroProfile's order. Blank counts as unset.
 */
public final class MicroProfileConfigSource implements ConfigSource {
    private final Config config;

    public MicroProfileConfigSource(Config config) {
        this.config = config;
    }

    /** The configuration of the application whose classes {@code classLoader} loads (the WAR's). */
    public static MicroProfileConfigSource of(ClassLoader classLoader) {
        return new MicroProfileConfigSource(ConfigProvider.getConfig(classLoader));
    }

    @Override
    public Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
