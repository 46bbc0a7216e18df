package dev.imsauth.it.tomcat9.app;

import dev.imsauth.protocol.TokenSet;
import dev.imsauth.web.ImsAuth;
import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The signed-in user's access token as {@link ImsAuth} hands it to application code (refreshed first when
 * about to expire): {@code user=<remote user> token=<access token>}. Test app only: the test asks the
 * provider whose token it is.
 */
@WebServlet("/protected/tokens")
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TokenSet tokens = ImsAuth.from(request).tokens();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("user=" + request.getRemoteUser() + " token=" + tokens.accessToken());
    }
}
