package dev.imsauth.it.wildfly.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Test stand-in for the library's mechanism: trusts {@code X-Test-User} (bob is admin, anyone else
 * only user) and challenges with 401 on protected resources when the header is missing.
 */
@ApplicationScoped
public class HeaderAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Test-User";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String user = request.getHeader(HEADER);
        if (user != null && !user.isBlank()) {
            Set<String> groups = "bob".equals(user) ? Set.of("admin", "user") : Set.of("user");
            return context.notifyContainerAboutLogin(user, groups);
        }
        if (context.isProtected()) {
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }
}
