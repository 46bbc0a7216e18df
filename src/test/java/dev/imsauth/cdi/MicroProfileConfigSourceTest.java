package dev.imsauth.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ImsAuthConfigException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** MicroProfile Config read under the filter's keys. */
class MicroProfileConfigSourceTest {

    @Test
    void readsTheDocumentedKeysTrimmed() {
        ImsAuthConfig config = ImsAuthConfig.load(source(Map.of("ims.client-id", " portal ",
                "ims.groups-claim", "role", "ims.principal-claim", "email")));

        assertThat(config.provider().clientId()).isEqualTo("portal");
        assertThat(config.provider().groupsClaim()).isEqualTo("role");
        assertThat(config.provider().principalClaim()).isEqualTo("email");
    }

    @Test
    void treatsBlankAsUnset() {
        assertThat(source(Map.of("ims.client-id", "   ")).get("ims.client-id")).isEmpty();
        assertThatThrownBy(() -> ImsAuthConfig.load(source(Map.of("ims.client-id", " "))))
                .isInstanceOf(ImsAuthConfigException.class).hasMessageStartingWith("ims.client-id: is missing");
    }

    private static MicroProfileConfigSource source(Map<String, String> values) {
        return new MicroProfileConfigSource(new MapConfig(values));
    }

    /** The least of a Config: string values from a map. */
    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return java.util.List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
