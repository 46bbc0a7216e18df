package dev.imsauth.example;

import dev.imsauth.client.ITwinApiException;
import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ITwinUser;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.web.ImsAuth;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /itwin/me}: calls iTwin {@code GET /users/me} as the signed-in user through the library's
 * {@link ITwinClient} and shows the answer. The client sends the user's access token, refreshed first when
 * it is about to expire, and renews it once if the API answers 401.
 */
public class UsersMeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private transient ITwinClient itwin;

    @Override
    public void init() throws ServletException {
        // The same settings the filter reads (context parameters, system properties, IMS_* environment):
        // ims.api-base-url, timeouts and the retry budget. One client per application; it is thread-safe.
        ConfigSource context = ConfigSource.lookup(getServletContext()::getInitParameter);
        ImsAuthConfig config = ImsAuthConfig.load(context.orElse(ConfigSource.systemProperties())
                .orElse(ConfigSource.environment()));
        itwin = ITwinClient.forUsers(config.api());
    }

    /** Releases the client's HTTP threads when the application stops (no thread left behind at undeploy). */
    @Override
    public void destroy() {
        if (itwin != null) {
            itwin.close();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String content;
        try {
            ITwinUser me = itwin.withTokens(ImsAuth.from(request).tokenSource()).me();
            content = """
                    <section class="card profile">
                      <div class="avatar itwin" aria-hidden="true">iT</div>
                      <dl>
                        <dt>Name</dt><dd id="me-name">%s %s</dd>
                        <dt>Display name</dt><dd id="me-display-name">%s</dd>
                        <dt>Email</dt><dd id="me-email">%s</dd>
                        <dt>Organization</dt><dd id="me-organization">%s</dd>
                        <dt>iTwin user ID</dt><dd id="me-id"><code>%s</code></dd>
                        <dt>Country</dt><dd>%s</dd>
                      </dl>
                    </section>
                    """.formatted(text(me.givenName()), text(me.surname()), text(me.displayName()), text(me.email()),
                    text(me.organizationName()), text(me.id()), text(me.country()));
        } catch (ITwinApiException e) {
            response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
            content = """
                    <section class="card error" id="api-error">
                      <h2>The iTwin API call failed</h2>
                      <p>%s (HTTP %d, error code <code>%s</code>).</p>
                      <p class="muted">%s</p>
                    </section>
                    """.formatted(Page.escape(e.getMessage()), e.status(), Page.escape(e.code()),
                    e.status() == 401 || e.status() == 403
                            ? "The API refused the access token: is the itwin-platform scope granted to the app?"
                            : "Check ims.api-base-url and the network.");
        }
        Page.render(request, response, "iTwin account", "itwin", """
                <h1>Your iTwin account</h1>
                <p class="muted">Fetched just now with <code>ITwinClient.me()</code> (<code>GET /users/me</code>)
                   and your access token.</p>
                %s
                """.formatted(content));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : Page.escape(value);
    }
}
