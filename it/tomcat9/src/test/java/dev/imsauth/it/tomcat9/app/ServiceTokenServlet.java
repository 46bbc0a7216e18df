package dev.imsauth.it.tomcat9.app;

import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A back-end call's token from inside the WAR: client credentials with the client id and secret from Tomcat's
 * environment, one {@link ServiceTokenProvider} per application. {@code service=<service user> token=<token>}.
 */
@WebServlet(urlPatterns = "/protected/service-token", loadOnStartup = 1)
public class ServiceTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private transient ServiceTokenProvider serviceTokens;

    @Override
    public void init() {
        serviceTokens = new ServiceTokenProvider(ImsAuthConfig.load(ConfigSource.environment()).serviceClient());
    }

    /** Releases its HTTP threads, as docs/tomcat9.md says. */
    @Override
    public void destroy() {
        serviceTokens.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("service=" + serviceTokens.serviceUser() + " token=" + serviceTokens.getToken().accessToken());
    }
}
