package dev.imsauth.it.tomcat9.app;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A protected page of the legacy portal: who the container says is signed in, whether they are an admin,
 * which URL this is, and a sign-out button (a POST to the filter's logout path).
 */
@WebServlet("/protected/page")
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><title>Reports</title></head><body>");
        out.println("<p id=\"user\">" + escape(request.getRemoteUser()) + "</p>");
        out.println("<p id=\"admin\">" + request.isUserInRole("admin") + "</p>");
        out.println("<p id=\"url\">" + escape(request.getRequestURI() + (query == null ? "" : "?" + query)) + "</p>");
        out.println("<form method=\"post\" action=\"" + escape(request.getContextPath()) + "/logout\">"
                + "<button id=\"sign-out\" type=\"submit\">Sign out</button></form>");
        out.println("</body></html>");
    }

    private static String escape(String text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
