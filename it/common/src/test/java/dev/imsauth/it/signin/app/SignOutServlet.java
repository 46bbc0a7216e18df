package dev.imsauth.it.signin.app;

import dev.imsauth.cdi.ImsTokens;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Application logout through the servlet API: {@code before=<signed in> after=<signed in> principal=<after>}. */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImsTokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        boolean before = tokens.isSignedIn();
        request.logout();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("before=" + before + " after=" + tokens.isSignedIn()
                + " principal=" + request.getUserPrincipal());
    }
}
