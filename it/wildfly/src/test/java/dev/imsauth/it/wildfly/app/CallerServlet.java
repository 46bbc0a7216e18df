package dev.imsauth.it.wildfly.app;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The caller as Jakarta Security and an EJB's @RolesAllowed see it: {@code caller=… admin=… ejb=…}. */
@WebServlet("/protected/caller")
public class CallerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    @EJB
    private transient AdminService adminService;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ejb;
        try {
            ejb = adminService.whoAmI();
        } catch (jakarta.ejb.EJBAccessException e) {
            ejb = "refused";
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("caller=" + securityContext.getCallerPrincipal().getName()
                + " admin=" + securityContext.isCallerInRole("admin") + " ejb=" + ejb);
    }
}
