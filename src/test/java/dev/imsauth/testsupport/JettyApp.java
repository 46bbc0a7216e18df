package dev.imsauth.testsupport;

import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.session.PendingLogins;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 (ee10) server on 127.0.0.1 serving a small app under {@code /app}: {@code /app/protected/*}
 * and {@code /app/public/*} answer with who the request thinks the user is; a filter (ours, by default)
 * covers everything. Tracks live sessions so tests can look inside them, as an attacker could not.
 *
 * <p>Like a container deploying a WAR, it runs the library's {@link ServletContainerInitializer}s found
 * through {@link ServiceLoader} (META-INF/services). With our filter, {@code /public/login?return=…}
 * starts a sign-in with an explicit return target, as an application's "sign in" link would.
 */
public final class JettyApp implements AutoCloseable {
    public static final String CONTEXT = "/app";
    private final Server server;
    private final String contextPath;
    private final ServletContextHandler context;
    private final SessionTracker sessions = new SessionTracker();

    private JettyApp(Filter filter, Map<String, String> initParams, Map<String, ? extends HttpServlet> servlets,
                     String contextPath, boolean honourForwardedHeaders) throws Exception {
        this.contextPath = contextPath;
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        if (honourForwardedHeaders) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(contextPath.isEmpty() ? "/" : contextPath);
        for (ServletContainerInitializer sci : ServiceLoader.load(ServletContainerInitializer.class)) {
            if (sci.getClass().getName().startsWith("dev.imsauth.")) {
                context.addServletContainerInitializer(sci);
            }
        }
        FilterHolder holder = new FilterHolder(filter);
        holder.setInitParameters(initParams);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/*");
        servlets.forEach((mapping, servlet) -> context.addServlet(new ServletHolder(servlet), mapping));
        if (filter instanceof ImsAuthFilter ours) {
            context.addServlet(new ServletHolder(new LoginServlet(ours)), "/public/login");
        }
        context.getSessionHandler().addEventListener(sessions);
        server.setHandler(context);
        server.start();
    }

    /** Starts the app with {@link ImsAuthFilter} over the given client. */
    public static JettyApp start(OidcClient client) {
        return start(new ImsAuthFilter(client));
    }

    /** Starts the app behind any filter (e.g. one configured by init-params). */
    public static JettyApp start(Filter filter) {
        return start(filter, Map.of());
    }

    /** Starts the app behind a filter with more servlets, keyed by their mapping (e.g. {@code /protected/me}). */
    public static JettyApp start(Filter filter, Map<String, ? extends HttpServlet> servlets) {
        return start(filter, servlets, CONTEXT, false);
    }

    /**
     * Starts the app under {@code contextPath} ({@code ""} for the root) with extra servlets; with
     * {@code honourForwardedHeaders} Jetty itself applies {@code X-Forwarded-*} (a TLS-terminating proxy in
     * front: https requests are secure).
     */
    public static JettyApp start(Filter filter, Map<String, ? extends HttpServlet> servlets, String contextPath,
                                 boolean honourForwardedHeaders) {
        try {
            return new JettyApp(filter, Map.of(), servlets, contextPath, honourForwardedHeaders);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
    }

    /** Starts the app behind a filter given these init-params (web.xml's {@code <init-param>}), with more servlets. */
    public static JettyApp start(Filter filter, Map<String, String> initParams, Map<String, ? extends HttpServlet> servlets) {
        try {
            return new JettyApp(filter, initParams, servlets, CONTEXT, false);
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start", e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** The port Jetty listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/app} (or the root for a root context). */
    public String base() {
        return origin() + contextPath;
    }

    /** The context path, {@code ""} for the root. */
    public String contextPath() {
        return contextPath;
    }

    /** The states of the sign-ins pending in the session with this id (empty when none or no session). */
    public Set<String> pendingStates(String id) {
        return session(id).map(s -> s.getAttribute(SessionStore.PENDING_ATTRIBUTE))
                .map(p -> ((PendingLogins) p).states()).orElse(Set.of());
    }

    /**
     * The return URL stored for a pending sign-in, read from a serialized copy of the session's pending
     * logins (the way a replicating container would see them), without disturbing the real ones.
     */
    public Optional<String> pendingReturnUrl(String id, String state) {
        return session(id).map(s -> s.getAttribute(SessionStore.PENDING_ATTRIBUTE)).flatMap(p -> {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(p);
                }
                try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    return ((PendingLogins) in.readObject()).take(state).map(dev.imsauth.protocol.PendingLogin::returnUrl);
                }
            } catch (java.io.IOException | ClassNotFoundException e) {
                throw new IllegalStateException("pending logins do not serialize", e);
            }
        });
    }

    /** The live session for this id, with every attribute name it holds. */
    public List<String> attributeNames(String id) {
        return session(id).<List<String>>map(s -> java.util.Collections.list(s.getAttributeNames())).orElse(List.of());
    }

    /** How many live sessions there are. */
    public int liveSessions() {
        return sessions.live().size();
    }

    /** A snapshot of the live sessions. */
    public List<HttpSession> sessions() {
        return sessions.live();
    }

    /** The redirect URI the app registers: {@code http://127.0.0.1:PORT/app/signin-oidc}. */
    public String redirectUri() {
        return base() + "/signin-oidc";
    }

    /** The live session for this session cookie value (Jetty appends {@code .nodeN} to the id), if any. */
    public Optional<HttpSession> session(String cookieValue) {
        return sessions.session(cookieValue);
    }

    /** The signed-in user stored in the session with this id, if any. */
    public Optional<SignedInUser> userInSession(String id) {
        return session(id).map(s -> s.getAttribute(SessionStore.USER_ATTRIBUTE)).map(SignedInUser.class::cast);
    }

    /** How many live sessions hold a signed-in user. */
    public long sessionsWithUser() {
        return sessions.live().stream().filter(s -> {
            try {
                return s.getAttribute(SessionStore.USER_ATTRIBUTE) != null;
            } catch (IllegalStateException invalidated) {
                return false;
            }
        }).count();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    /** {@code /public/login?return=…}: an application's sign-in link with an explicit return target. */
    private static final class LoginServlet extends HttpServlet {
        private final transient ImsAuthFilter filter;

        LoginServlet(ImsAuthFilter filter) {
            this.filter = filter;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            filter.flow().challenge(req, resp, req.getParameter("return"), List.of());
        }
    }

    /** Answers "user=<name>;roles-admin=<bool>;path=<uri>" so tests see what the application sees. */
    private static final class WhoAmIServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            String user = req.getUserPrincipal() == null ? "none" : req.getUserPrincipal().getName();
            resp.getWriter().print("user=" + user + ";remote=" + req.getRemoteUser() + ";admin="
                    + req.isUserInRole("admin") + ";path=" + req.getRequestURI()
                    + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            doGet(req, resp);
        }
    }
}
