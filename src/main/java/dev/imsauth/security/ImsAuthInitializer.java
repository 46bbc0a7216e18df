package dev.imsauth.security;

import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.web.SessionCookieDefaults;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.Set;

/**
 * The library's {@link ServletContainerInitializer}, run by the container at deployment through
 * META-INF/services (Tomcat, WildFly/Undertow; Jetty with its annotations module). It hardens the session
 * cookie ({@link SessionCookieDefaults}) of an application that signs in with ims-auth — one that declares
 * {@link ImsAuthFilter} (web.xml or {@code @WebFilter}) or carries {@link ImsAuthenticationMechanismDefinition}
 * — and does nothing at all in any other WAR that holds the jar, e.g. one that only uses the service clients.
 *
 * <p>A filter added later from a {@code ServletContextListener} is not seen here; declare it in web.xml, or
 * set the cookie attributes in web.xml's {@code <session-config>}.
 */
@HandlesTypes(ImsAuthenticationMechanismDefinition.class)
public final class ImsAuthInitializer implements ServletContainerInitializer {
    private static final System.Logger LOG = System.getLogger(ImsAuthInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        boolean mechanism = annotated != null && annotated.stream()
                .anyMatch(c -> c.isAnnotationPresent(ImsAuthenticationMechanismDefinition.class));
        if (!mechanism && !declaresFilter(context)) {
            LOG.log(System.Logger.Level.DEBUG, "No ImsAuthFilter or @ImsAuthenticationMechanismDefinition in {0}; "
                    + "leaving the session cookie alone", context.getContextPath());
            return;
        }
        SessionCookieDefaults.apply(context);
    }

    private static boolean declaresFilter(ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            if (isImsAuthFilter(registration.getClassName(), context.getClassLoader())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImsAuthFilter(String className, ClassLoader loader) {
        if (className == null) {
            return false;
        }
        if (className.equals(ImsAuthFilter.class.getName())) {
            return true;
        }
        try {
            return ImsAuthFilter.class.isAssignableFrom(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
