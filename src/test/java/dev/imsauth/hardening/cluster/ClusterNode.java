package dev.imsauth.hardening.cluster;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.servlet.ImsAuthFilter;
import dev.imsauth.session.JdbcLogoutRecords;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.ManagedSession;
import org.eclipse.jetty.session.NullSessionCacheFactory;

/**
 * One node of the cluster: a Jetty 12 server with the filter and its own {@link OidcClient} (as a
 * separate JVM would have; the clock is shared, as NTP would keep it), keeping sessions only in the shared database: Jetty's
 * {@code JDBCSessionDataStore}, a {@code NullSessionCache} (no node trusts a copy in its memory) and
 * {@code flushOnResponseCommit} (a session is written before the browser sees the response, so the
 * next request may land on any node), and a save period, so that a request that changed nothing does not
 * overwrite what a concurrent request on the other node stored. Back-channel logouts are shared through
 * {@link JdbcLogoutRecords} in the same database. docs/clustering.md explains each setting.
 */
final class ClusterNode implements AutoCloseable {
    static final String CONTEXT = "/app";
    private final Server server = new Server();
    private final ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    private final String name;

    ClusterNode(String name, String jdbcUrl, ImsAuthConfig config, java.time.Clock clock) {
        this.name = name;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setStopTimeout(0); // a node going down does not wait for idle keep-alive connections

        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        ids.setWorkerName(name);
        server.addBean(ids, true);
        NullSessionCacheFactory cache = new NullSessionCacheFactory();
        cache.setFlushOnResponseCommit(true);
        cache.setSaveOnCreate(true);
        server.addBean(cache);
        DatabaseAdaptor db = new DatabaseAdaptor();
        db.setDriverInfo("org.h2.Driver", jdbcUrl);
        JDBCSessionDataStoreFactory store = new JDBCSessionDataStoreFactory();
        store.setDatabaseAdaptor(db);
        store.setSavePeriodSec(60); // a request that changed nothing does not write its (older) copy back
        server.addBean(store);

        OidcClient client = new OidcClient(config.provider(), config.signIn(), ProviderHttp.defaultClient(config.provider().connectTimeout()), clock);
        context.setContextPath(CONTEXT);
        org.h2.jdbcx.JdbcDataSource logoutStore = new org.h2.jdbcx.JdbcDataSource();
        logoutStore.setURL(jdbcUrl);
        context.addFilter(new FilterHolder(new ImsAuthFilter(client, new JdbcLogoutRecords(logoutStore))), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WhoAmI(name)), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start", e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    String origin() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** A URL on this node, e.g. {@code url("/protected/x")} under {@code /app}. */
    String url(String path) {
        return origin() + CONTEXT + path;
    }

    /** The signed-in user this node reads from the shared store for a session cookie value. */
    Optional<SignedInUser> userInSession(String cookieValue) {
        int dot = cookieValue.indexOf('.');
        String id = dot < 0 ? cookieValue : cookieValue.substring(0, dot);
        ManagedSession session = context.getSessionHandler().getManagedSession(id);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((SignedInUser) session.getAttribute(SessionStore.USER_ATTRIBUTE));
        } finally {
            try {
                context.getSessionHandler().getSessionCache().release(session);
            } catch (Exception e) {
                throw new IllegalStateException("cannot release session", e);
            }
        }
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!server.isStopped()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Answers "node=<name>;user=<principal>" so a test sees which node served whom. */
    private static final class WhoAmI extends HttpServlet {
        private final String node;

        WhoAmI(String node) {
            this.node = node;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("node=" + node + ";user="
                    + (req.getUserPrincipal() == null ? "none" : req.getUserPrincipal().getName()));
        }
    }
}
