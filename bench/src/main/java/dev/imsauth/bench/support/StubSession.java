package dev.imsauth.bench.support;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link HttpSession} for microbenchmarks: attributes in a concurrent map, nothing else. */
public final class StubSession implements HttpSession {
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final long created = System.currentTimeMillis();
    private String id;
    private int changes;

    public StubSession(String id) {
        this.id = id;
    }

    /** What {@code changeSessionId()} does: a new id, same attributes. */
    String changeId() {
        id = id.split("~")[0] + "~" + (++changes);
        return id;
    }

    @Override
    public long getCreationTime() {
        return created;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public long getLastAccessedTime() {
        return created;
    }

    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
    }

    @Override
    public int getMaxInactiveInterval() {
        return 1800;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void invalidate() {
        attributes.clear();
    }

    @Override
    public boolean isNew() {
        return false;
    }
}
