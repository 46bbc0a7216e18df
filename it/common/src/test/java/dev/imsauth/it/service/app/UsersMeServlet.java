package dev.imsauth.it.service.app;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ITwinUser;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ServiceClientSettings;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

@WebServlet("/service/me")
public class UsersMeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private transient ITwinClient itwin;

    @Override
    public void init() {
        // ims.client-id, ims.client-secret, … as <context-param>s in web.xml, else IMS_* environment variables
        ConfigSource contextParams = key -> Optional.ofNullable(getServletContext().getInitParameter(key));
        itwin = ITwinClient.forService(ServiceClientSettings.load(contextParams.orElse(ConfigSource.environment())));
    }

    @Override
    public void destroy() {
        itwin.close();                                           // releases its HTTP threads at undeploy
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ITwinUser me = itwin.me();                               // GET /users/me with the service's token
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(me.displayName());
    }
}
