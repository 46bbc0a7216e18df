package dev.imsauth.bench.support;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A response for microbenchmarks that records status, headers and the redirect; anything else throws. */
public final class StubResponse extends HttpServletResponseWrapper {
    private final Map<String, String> headers = new HashMap<>();
    private int status = 200;
    private String redirect;
    private StringWriter body = new StringWriter();

    public StubResponse() {
        super((HttpServletResponse) Proxy.newProxyInstance(StubResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("StubResponse does not model " + method.getName());
                }));
    }

    /** Forgets everything, for the next invocation. */
    public void reset() {
        headers.clear();
        status = 200;
        redirect = null;
        body = new StringWriter();
    }

    public int status() {
        return status;
    }

    /** Where a redirect (sendRedirect, or a 302/303 with a Location header) sends the browser; else null. */
    public String redirect() {
        if (redirect != null) {
            return redirect;
        }
        return status == 302 || status == 303 ? headers.get("Location") : null;
    }

    public String body() {
        return body.toString();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setHeader(String name, String value) {
        headers.put(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        headers.merge(name, value, (a, b) -> a + ", " + b);
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public void sendRedirect(String location) {
        status = 302;
        redirect = location;
    }

    @Override
    public boolean isCommitted() {
        return redirect != null;
    }

    @Override
    public void resetBuffer() {
        body = new StringWriter();
    }

    @Override
    public void setContentType(String type) {
        headers.put("Content-Type", type);
    }

    @Override
    public PrintWriter getWriter() {
        return new PrintWriter(body);
    }
}
