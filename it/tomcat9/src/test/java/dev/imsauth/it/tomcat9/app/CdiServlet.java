package dev.imsauth.it.tomcat9.app;

import dev.imsauth.cdi.ImsTokens;
import dev.imsauth.cdi.ImsUser;
import java.io.IOException;
import javax.inject.Inject;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** What the injected beans say behind the filter: {@code subject=<sub> groups=<roles> token=<access token>}. */
@WebServlet("/protected/cdi")
public class CdiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImsUser user;

    @Inject
    transient ImsTokens tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("subject=" + user.subject() + " groups=" + user.groups() + " token=" + tokens.accessToken());
    }
}
