package dev.imsauth.bench.micro;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;

/** A filter configuration with a name and no init-params (the filters here get a ready client). */
record NamedFilterConfig(String getFilterName) implements FilterConfig {
    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException("no servlet context in a microbenchmark");
    }

    @Override
    public String getInitParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.emptyEnumeration();
    }
}
