package dev.imsauth.it.wildfly.app;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Not protected itself: the EJB's @RolesAllowed decides (403 when it refuses). */
@WebServlet("/ejb")
public class EjbServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AdminService adminService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().print("ejb-caller=" + adminService.whoAmI());
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
