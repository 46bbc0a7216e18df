package dev.imsauth.bench.load;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.atomic.LongAdder;

/**
 * The small protected page: greets the principal and answers a role check, as a portal page would.
 * Counts the requests it served and how many of them had a principal, so the harness can prove that
 * the load really was signed-in traffic (wrk counts a redirect to the login page as a success).
 */
final class HelloServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    final transient LongAdder served = new LongAdder();
    final transient LongAdder withPrincipal = new LongAdder();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/session".equals(req.getPathInfo())) {
            req.getSession(true);
        }
        Principal p = req.getUserPrincipal();
        served.increment();
        if (p != null) {
            withPrincipal.increment();
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write("hello " + (p == null ? "anonymous" : p.getName()) + " editor=" + req.isUserInRole("portal-editor"));
    }
}
