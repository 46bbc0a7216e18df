package dev.imsauth.example;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.UserClaims;
import dev.imsauth.web.ImsAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protected profile page (declared in web.xml, behind the ims-auth filter): who signed in, and the
 * verified ID-token claims. The raw tokens are never shown; they stay in the server-side session.
 */
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "auth_time", "nbf", "updated_at");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedInUser user = ImsAuth.from(request).user().orElseThrow();
        UserClaims claims = user.claims();
        Page.render(request, response, "Profile", "profile", """
                <h1>Profile</h1>
                <section class="card profile">
                  <div class="avatar" aria-hidden="true">%s</div>
                  <dl>
                    <dt>Name</dt><dd id="user-name">%s</dd>
                    <dt>Email</dt><dd id="user-email">%s</dd>
                    <dt>User ID</dt><dd id="user-id"><code>%s</code></dd>
                    <dt>Principal</dt><dd id="principal"><code>%s</code> (<code>request.getRemoteUser()</code>)</dd>
                    <dt>Roles</dt><dd id="user-roles">%s</dd>
                    <dt>Admin?</dt><dd id="is-admin">%s (<code>request.isUserInRole("admin")</code>)</dd>
                  </dl>
                </section>
                <section class="card">
                  <h2>ID-token claims</h2>
                  <p class="muted">Verified by ims-auth at sign-in (signature, issuer, audience, expiry, nonce). The access,
                     refresh and ID tokens themselves never leave the server.</p>
                  <table id="claims"><thead><tr><th>Claim</th><th>Value</th></tr></thead><tbody>
                  %s
                  </tbody></table>
                </section>
                <section class="card">
                  <h2>Session check</h2>
                  <p class="muted">Calls <code>/api/me</code> from this page. When the session has ended, the answer is
                     401 and the script reloads the page, which goes through sign-in and comes back here
                     (docs/operations.md).</p>
                  <p><button id="check-session" type="button" class="button ghost" data-api="%s/api/me"
                     data-on-unauthorized="reload">Check my session</button></p>
                  <pre id="api-result" class="result" aria-live="polite">Not called yet.</pre>
                </section>
                """.formatted(Page.escape(initials(claims.name())), Page.escape(claims.name()),
                Page.escape(claims.email().orElse("—")), Page.escape(claims.subject()),
                Page.escape(request.getRemoteUser()), roles(claims),
                request.isUserInRole("admin") ? "yes" : "no", claimRows(claims), request.getContextPath()));
    }

    private static String roles(UserClaims claims) {
        var roles = claims.strings("roles");
        return roles.isEmpty() ? "none" : roles.stream()
                .map(r -> "<span class=\"tag\">" + Page.escape(r) + "</span>").collect(Collectors.joining(" "));
    }

    private static String claimRows(UserClaims claims) {
        return claims.all().entrySet().stream()
                .map(e -> "<tr><td><code>" + Page.escape(e.getKey()) + "</code></td><td>"
                        + Page.escape(render(e.getKey(), e.getValue())) + "</td></tr>")
                .collect(Collectors.joining("\n"));
    }

    private static String render(String claim, Object value) {
        if (value instanceof Number n && TIME_CLAIMS.contains(claim)) {
            return n + "  (" + Instant.ofEpochSecond(n.longValue()) + ")";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> m) {
            return m.toString();
        }
        return String.valueOf(value);
    }

    private static String initials(String name) {
        String[] parts = name.trim().split("[\\s@._-]+");
        String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
        String last = parts.length > 1 && !parts[1].isEmpty() ? parts[1].substring(0, 1) : "";
        return (first + last).toUpperCase(java.util.Locale.ROOT);
    }
}
