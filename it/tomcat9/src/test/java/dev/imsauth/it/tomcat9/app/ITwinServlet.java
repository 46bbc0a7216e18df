package dev.imsauth.it.tomcat9.app;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ITwinUser;
import dev.imsauth.client.ServiceTokenProvider;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.web.ImsAuth;
import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /users/me} of the iTwin API ({@code ims.api-base-url}) through {@link ITwinClient}: with the
 * signed-in user's token ({@code ?as=user}) or the app's own client-credentials token.
 * {@code email=<the API's answer>}.
 */
@WebServlet("/protected/itwin")
public class ITwinServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private transient ServiceTokenProvider serviceTokens;
    private transient ITwinClient asService;

    @Override
    public void init() {
        ImsAuthConfig config = ImsAuthConfig.load(ConfigSource.environment());
        serviceTokens = new ServiceTokenProvider(config.serviceClient());
        asService = new ITwinClient(config.api(), serviceTokens);
    }

    /** Releases their HTTP threads, as docs/tomcat9.md says. */
    @Override
    public void destroy() {
        asService.close();
        serviceTokens.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ITwinClient client = "user".equals(request.getParameter("as"))
                ? asService.withTokens(ImsAuth.from(request).tokenSource()) : asService;
        ITwinUser me = client.me();
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("email=" + me.email());
    }
}
