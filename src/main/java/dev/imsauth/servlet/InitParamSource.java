package dev.imsauth.servlet;

import dev.imsauth.config.ConfigSource;
import jakarta.servlet.FilterConfig;
import java.util.Optional;

/** Filter init-params as a {@link ConfigSource}, falling back to system properties and the environment. */
final class InitParamSource {
    private InitParamSource() {
    }

    static ConfigSource of(FilterConfig filterConfig) {
        ConfigSource initParams = key -> Optional.ofNullable(filterConfig.getInitParameter(key))
                .filter(v -> !v.isBlank()).map(String::trim);
        ConfigSource contextParams = key -> Optional.ofNullable(filterConfig.getServletContext().getInitParameter(key))
                .filter(v -> !v.isBlank()).map(String::trim);
        return initParams.orElse(contextParams).orElse(ConfigSource.systemProperties()).orElse(ConfigSource.environment());
    }
}
