package dev.imsauth.example;

import dev.imsauth.config.ConfigKeys;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.protocol.SignedInUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /itwin/me}: calls iTwin {@code GET /users/me} as the signed-in user (their access token in the
 * {@code Authorization} header) and shows the answer. The API base URL is {@code ims.api-base-url}
 * (context parameter, system property or {@code IMS_API_BASE_URL}; default {@code https://api.bentley.com}).
 */
public class UsersMeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private transient UsersMeClient client;

    @Override
    public void init() throws ServletException {
        ConfigSource context = key -> Optional.ofNullable(getServletContext().getInitParameter(key))
                .filter(v -> !v.isBlank());
        String base = context.orElse(ConfigSource.systemProperties()).orElse(ConfigSource.environment())
                .get(ConfigKeys.API_BASE_URL).orElse("https://api.bentley.com");
        client = new UsersMeClient(URI.create(base));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedInUser user = CurrentUser.of(request).orElseThrow(
                () -> new IllegalStateException("the ims-auth filter must cover /itwin/*"));
        String content;
        try {
            Map<String, Object> me = client.me(user.tokens().authorizationHeader());
            content = """
                    <section class="card profile">
                      <div class="avatar itwin" aria-hidden="true">iT</div>
                      <dl>
                        <dt>Display name</dt><dd id="me-display-name">%s</dd>
                        <dt>Email</dt><dd id="me-email">%s</dd>
                        <dt>Organization</dt><dd id="me-organization">%s</dd>
                        <dt>iTwin user ID</dt><dd id="me-id"><code>%s</code></dd>
                        <dt>Country</dt><dd>%s</dd>
                      </dl>
                    </section>
                    """.formatted(field(me, "displayName"), field(me, "email"), field(me, "organizationName"),
                    field(me, "id"), field(me, "country"));
        } catch (UsersMeClient.ApiException e) {
            response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
            content = """
                    <section class="card error" id="api-error">
                      <h2>The iTwin API call failed</h2>
                      <p>%s (error code <code>%s</code>).</p>
                      <p class="muted">%s</p>
                    </section>
                    """.formatted(Page.escape(e.getMessage()), Page.escape(e.code()),
                    e.status() == 401 ? "The API refused the access token: is the itwin-platform scope granted?"
                            : "Check ims.api-base-url and the network.");
        }
        Page.render(request, response, "iTwin account", "itwin", """
                <h1>Your iTwin account</h1>
                <p class="muted">Fetched just now from <code>GET %s</code> with your access token.</p>
                %s
                """.formatted(Page.escape(client.endpoint().toString()), content));
    }

    private static String field(Map<String, Object> map, String name) {
        Object v = map.get(name);
        return v == null || v.toString().isBlank() ? "—" : Page.escape(v.toString());
    }
}
