package dev.imsauth.servlet;

import dev.imsauth.config.ConfigSource;
import jakarta.servlet.FilterConfig;

/** Filter init-params as a {@link ConfigSource}, falling back to context parameters, system properties and the environment. */
final class InitParamSource {
    private InitParamSource() {
    }

    static ConfigSource of(FilterConfig filterConfig) {
        return ConfigSource.lookup(filterConfig::getInitParameter)
                .orElse(ConfigSource.lookup(filterConfig.getServletContext()::getInitParameter))
                .orElse(ConfigSource.systemProperties()).orElse(ConfigSource.environment());
    }
}
