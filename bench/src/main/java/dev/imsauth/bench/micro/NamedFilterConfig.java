package dev.imsauth.bench.micro;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A filter configuration with a name and no init-params (the filters here get a ready client). Its servlet
 * context only knows its path, {@code /app}, which is all the filter's start-up report reads.
 */
record NamedFilterConfig(String getFilterName) implements FilterConfig {
    @Override
    public ServletContext getServletContext() {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getContextPath")) {
                        return "/app";
                    }
                    throw new UnsupportedOperationException(method.getName() + " in a microbenchmark");
                });
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
