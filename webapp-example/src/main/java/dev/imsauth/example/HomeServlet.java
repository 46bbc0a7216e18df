package dev.imsauth.example;

import dev.imsauth.web.ImsAuth;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The public home page (listed in {@code ims.public-paths}). Mapped by annotation: the empty pattern is
 * the context root exactly. It also lets a visitor call the protected JSON endpoint with {@code fetch}
 * to see the 401 that API calls get instead of a redirect.
 */
@WebServlet(name = "home", urlPatterns = "")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal user = request.getUserPrincipal();
        String ctx = Page.escape(request.getContextPath());
        String status = user == null
                ? "You are not signed in. Pages below <em>Profile</em> and <em>iTwin account</em> ask Bentley IMS who you are."
                : "Welcome back, <strong>" + Page.escape(ImsAuth.from(request).user().map(u -> u.claims().name())
                        .orElse(user.getName())) + "</strong>.";
        Page.render(request, response, "Home", "home", """
                <section class="hero">
                  <h1>Your assets, one sign-in away</h1>
                  <p id="status">%s</p>
                  <p><a id="profile-link" class="button" href="%s/profile">Your profile</a>
                     <a id="itwin-link" class="button ghost" href="%s/itwin/me">Your iTwin account</a></p>
                </section>
                <section class="card" id="api">
                  <h2>Protected JSON endpoint</h2>
                  <p>Scripts call <code>%s/api/me</code> with <code>fetch</code>. Without a signed-in session ims-auth
                     answers <strong>401</strong> with a JSON body instead of redirecting the call to a login page it
                     could not follow; with a session it answers 200.</p>
                  <p><button id="call-api" type="button" class="button" data-api="%s/api/me">Call /api/me</button></p>
                  <pre id="api-result" class="result" aria-live="polite">Not called yet.</pre>
                </section>
                """.formatted(status, ctx, ctx, ctx, ctx));
    }
}
