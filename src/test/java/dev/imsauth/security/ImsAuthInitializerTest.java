package dev.imsauth.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The library's ServletContainerInitializer on a real Jetty: it hardens the session cookie of an application
 * that signs in with ims-auth and leaves every other WAR that holds the jar (e.g. one that only calls APIs
 * with the service clients) exactly as it was. (The filter route's cookie is covered by SessionAttacksTest.)
 */
class ImsAuthInitializerTest {

    @Test
    void doesNothingInAWarWithoutTheFilterOrTheMechanism() throws Exception {
        String cookie = sessionCookieOf(false, new PassThrough());
        assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("SameSite");
    }

    @Test
    void hardensTheCookieWhenAClassCarriesTheMechanismDefinition() throws Exception {
        String cookie = sessionCookieOf(true, null);
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    /** The Set-Cookie of a page that opens a session, in a context with the initializer and maybe a filter. */
    private static String sessionCookieOf(boolean mechanismClass, Filter otherFilter) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/app");
        if (mechanismClass) {
            context.addServletContainerInitializer(new ImsAuthInitializer(), SecuredApp.class);
        } else {
            context.addServletContainerInitializer(new ImsAuthInitializer());
        }
        if (otherFilter != null) {
            context.addFilter(new FilterHolder(otherFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new OpensSession()), "/*");
        server.setHandler(context);
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + connector.getLocalPort() + "/app/page")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.headers().firstValue("Set-Cookie").orElseThrow();
        } finally {
            server.stop();
        }
    }

    @ImsAuthenticationMechanismDefinition
    static final class SecuredApp {
    }

    static final class OpensSession extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            req.getSession(true);
            resp.getWriter().write("ok");
        }
    }

    static final class PassThrough implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                throws IOException, jakarta.servlet.ServletException {
            chain.doFilter(req, resp);
        }
    }
}
