package dev.imsauth.testsupport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The interactive login form: a user name and roles, with the authorization request in hidden fields. */
final class LoginPage {

    /** Marks a POST to the authorize endpoint as this form's submission. */
    static final String MARKER = "test_op_login";
    static final String USERNAME = "username";
    static final String ROLE = "role";
    private static final List<String> ROLES = List.of("admin", "user", "viewer");

    private LoginPage() {
    }

    /** The form for these authorize parameters, pre-filled with {@code user}. */
    static Reply render(Map<String, List<String>> authorizeParams, TestUser user) {
        StringBuilder html = new StringBuilder();
        html.append("<form method=\"post\" action=\"").append(ProviderPaths.AUTHORIZE).append("\">");
        authorizeParams.forEach((name, values) -> {
            if (!name.equals(MARKER) && !name.equals(USERNAME) && !name.equals(ROLE)) {
                values.forEach(value -> hidden(html, name, value));
            }
        });
        hidden(html, MARKER, "1");
        html.append("<label>User name<input type=\"text\" name=\"").append(USERNAME)
                .append("\" autofocus required value=\"").append(Html.escape(user.subject())).append("\"></label>");
        html.append("<fieldset><legend>Roles</legend>");
        Set<String> roles = new LinkedHashSet<>(ROLES);
        roles.addAll(user.roles());
        for (String role : roles) {
            html.append("<label><input type=\"checkbox\" name=\"").append(ROLE).append("\" value=\"")
                    .append(Html.escape(role)).append('"').append(user.roles().contains(role) ? " checked" : "")
                    .append("> ").append(Html.escape(role)).append("</label>");
        }
        html.append("</fieldset><button type=\"submit\">Sign in</button>");
        html.append("<p class=\"hint\">Test identity provider: any user name signs in, no password.</p></form>");
        return Reply.html(200, Html.page("Sign in", html.toString()));
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"").append(Html.escape(name)).append("\" value=\"")
                .append(Html.escape(value)).append("\">");
    }
}
