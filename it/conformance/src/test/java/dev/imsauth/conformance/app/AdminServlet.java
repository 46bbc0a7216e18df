package dev.imsauth.conformance.app;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /page/admin-ejb} (WildFly WAR only): calls {@link AdminService}; 403 when the container refuses. */
@WebServlet("/page/admin-ejb")
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AdminService service;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().print("ejb=" + service.adminOnly());
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "not an administrator");
        }
    }
}
