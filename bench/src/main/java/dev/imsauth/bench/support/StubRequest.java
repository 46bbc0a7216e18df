package dev.imsauth.bench.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A GET request for microbenchmarks, to an application servlet mapped to {@code /*}, answering what a
 * filter asks on its hot paths (URI, paths, headers,
 * parameters, the session) from plain fields. Anything else it is asked throws, so a benchmark cannot
 * silently measure a path the stub does not model.
 */
public final class StubRequest extends HttpServletRequestWrapper {
    private final String requestUri;
    private final String contextPath;
    private final String pathInfo;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String[]> parameters = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private StubSession session;

    public StubRequest(String contextPath, String pathInContext) {
        super(unsupported());
        this.contextPath = contextPath;
        this.pathInfo = pathInContext;
        this.requestUri = contextPath + pathInContext;
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Sec-Fetch-Mode", "navigate");
    }

    private static HttpServletRequest unsupported() {
        return (HttpServletRequest) Proxy.newProxyInstance(StubRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("StubRequest does not model " + method.getName());
                });
    }

    public StubRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public StubRequest parameter(String name, String value) {
        parameters.put(name, new String[] {value});
        return this;
    }

    public StubRequest session(StubSession s) {
        session = s;
        return this;
    }

    public StubSession stubSession() {
        return session;
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
                .append(requestUri);
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    /** As for an application servlet mapped to {@code /*}: empty servlet path, the rest in the path info. */
    @Override
    public String getServletPath() {
        return "";
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return "127.0.0.1";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public String getParameter(String name) {
        String[] v = parameters.get(name);
        return v == null ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object o) {
        attributes.put(name, o);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (session == null && create) {
            session = new StubSession("stub-session");
        }
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public String changeSessionId() {
        if (session == null) {
            throw new IllegalStateException("no session");
        }
        return session.changeId();
    }
}
