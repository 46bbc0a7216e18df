package dev.imsauth.it.signin.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** A page as the container shows it: {@code page=<uri?query> principal=<name> admin=<isUserInRole>}. */
@WebServlet({"/protected/*", "/public/*"})
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        String query = request.getQueryString();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("page=" + request.getRequestURI() + (query == null ? "" : "?" + query)
                + " principal=" + (principal == null ? "null" : principal.getName())
                + " admin=" + request.isUserInRole("admin"));
    }
}
