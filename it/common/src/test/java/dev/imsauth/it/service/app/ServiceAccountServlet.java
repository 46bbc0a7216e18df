package dev.imsauth.it.service.app;

import dev.imsauth.client.ServiceTokenProvider;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Shows what the injected beans give: {@code me=<display name> user=<service user>}. */
@WebServlet("/service/cdi-me")
public class ServiceAccountServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ServiceAccount account;

    @Inject
    transient ServiceTokenProvider tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("me=" + account.displayName() + " user=" + tokens.serviceUser());
    }
}
