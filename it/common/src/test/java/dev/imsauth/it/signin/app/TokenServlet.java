package dev.imsauth.it.signin.app;

import dev.imsauth.cdi.ImsTokens;
import dev.imsauth.cdi.ImsUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The token and user beans injected into a servlet ({@code /tokens} needs sign-in, {@code /public/tokens} not). */
@WebServlet({"/tokens", "/public/tokens"})
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImsTokens tokens;

    @Inject
    transient ImsUser user;

    @Inject
    transient UserInfoApi api;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            response.getWriter().print(TokenReport.of(request.getUserPrincipal(), tokens, user, api));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(500);
        }
    }
}
