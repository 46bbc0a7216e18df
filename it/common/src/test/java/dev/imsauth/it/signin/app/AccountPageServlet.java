package dev.imsauth.it.signin.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's own page with its own sign-out form, as docs/tomcat.md and docs/wildfly.md show it: a POST
 * to the logout path, no token. Sent with the example app's Content-Security-Policy.
 */
@WebServlet("/protected/account")
public class AccountPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        String name = request.getUserPrincipal() == null ? "nobody" : request.getUserPrincipal().getName();
        response.getWriter().print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Account"
                + "</title></head><body><p id=\"user\">" + name.replace("<", "&lt;") + "</p>"
                + "<form method=\"post\" action=\"" + request.getContextPath() + "/logout\">"
                + "<button id=\"sign-out\" type=\"submit\">Sign out</button></form></body></html>");
    }
}
