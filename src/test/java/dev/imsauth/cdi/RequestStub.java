package dev.imsauth.cdi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a request and its session for the beans: attributes, session attributes, the URI. */
final class RequestStub {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, Object> sessionAttributes = new HashMap<>();
    boolean hasSession = true;

    HttpServletRequest request() {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> sessionAttributes.get((String) args[0]);
                    case "removeAttribute" -> sessionAttributes.remove((String) args[0]);
                    case "getId" -> "session-1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getSession" -> hasSession ? session : null;
                    case "getRequestURI" -> "/app/page";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
