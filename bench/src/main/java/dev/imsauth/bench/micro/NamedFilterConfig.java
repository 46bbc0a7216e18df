package dev.imsauth.bench.micro;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A filter configuration with a name and no init-params (the filters here get a ready client), in an
 * application at the root context path: its servlet context answers the context path, no context parameters and
 * the class loader (what the filter's start reads), and nothing else.
 */
record NamedFilterConfig(String getFilterName) implements FilterConfig {
    private static final ServletContext ROOT = (ServletContext) Proxy.newProxyInstance(
            NamedFilterConfig.class.getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getContextPath":
                        return "";
                    case "getInitParameter":
                        return null;
                    case "getInitParameterNames":
                        return Collections.emptyEnumeration();
                    case "getClassLoader":
                        return NamedFilterConfig.class.getClassLoader();
                    default:
                        break;
                }
                throw new UnsupportedOperationException("no " + method.getName() + " in a microbenchmark");
            });

    @Override
    public ServletContext getServletContext() {
        return ROOT;
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
