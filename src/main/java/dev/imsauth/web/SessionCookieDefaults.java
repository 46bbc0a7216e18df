package dev.imsauth.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

/**
 * Hardens the session cookie of every application that ships the library: {@code HttpOnly}, and
 * {@code SameSite=Lax} unless the application set a SameSite of its own (Lax, not Strict: the
 * provider's redirect back to the callback is a cross-site top-level GET that must carry the cookie).
 * {@code Secure} is left to the container, which adds it on https requests (Tomcat, Jetty, Undertow
 * do), so plain-http development keeps working.
 *
 * <p>Applied at deployment by {@code dev.imsauth.security.ImsAuthInitializer}, the library's
 * {@code ServletContainerInitializer}, and only in an application that signs in with ims-auth; that is the
 * only time a session cookie can still be configured, which a filter's {@code init} is too late for.
 */
public final class SessionCookieDefaults {
    /** The cookie attribute name, as Servlet 6 {@link SessionCookieConfig#setAttribute} takes it. */
    static final String SAME_SITE = "SameSite";
    /** Servlet 6.0 added {@link SessionCookieConfig#setAttribute}; the javax artifact also runs on Servlet 4. */
    private static final int SERVLET_WITH_COOKIE_ATTRIBUTES = 6;

    private static final System.Logger LOG = System.getLogger(SessionCookieDefaults.class.getName());

    private SessionCookieDefaults() {
    }

    /** Sets HttpOnly and, unless the application chose one, SameSite=Lax on the context's session cookie. */
    public static void apply(ServletContext context) {
        try {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setHttpOnly(true);
            if (context.getMajorVersion() < SERVLET_WITH_COOKIE_ATTRIBUTES) {
                // the javax artifact on Servlet 4 (Tomcat 9): no cookie attributes in the API, the container sets SameSite
                LOG.log(System.Logger.Level.INFO, "Servlet {0} cannot set SameSite on the session cookie; set it in "
                        + "the container (Tomcat 9: CookieProcessor sameSiteCookies=\"lax\" in META-INF/context.xml)",
                        context.getMajorVersion());
                return;
            }
            if (cookie.getAttribute(SAME_SITE) == null) {
                cookie.setAttribute(SAME_SITE, "Lax");
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // a container that cannot take these settings must still deploy the application
            LOG.log(System.Logger.Level.WARNING, "Could not set HttpOnly and SameSite=Lax on the session cookie "
                    + "({0}); configure them in web.xml <session-config><cookie-config>", e.getClass().getSimpleName());
        }
    }
}
