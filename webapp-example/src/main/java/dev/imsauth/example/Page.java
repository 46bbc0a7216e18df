package dev.imsauth.example;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.ImsAuth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/** The page frame every screen of the example shares: header with navigation and the signed-in user, escaping. */
final class Page {

    private Page() {
    }

    /** Escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Writes a complete page.
     *
     * @param active the navigation entry to highlight ({@code home}, {@code profile}, {@code itwin})
     * @param body   the main content, already escaped HTML
     */
    static void render(HttpServletRequest request, HttpServletResponse response, String title, String active,
                       String body) throws IOException {
        String ctx = request.getContextPath();
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        PrintWriter out = response.getWriter();
        out.print("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Contoso Asset Portal</title>
                <link rel="icon" href="%s/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="%s/css/example.css">
                </head><body>
                <header class="topbar"><div class="wrap">
                  <a class="brand" href="%s/"><span class="logo">◆</span> Contoso Asset Portal</a>
                  <nav>%s%s%s</nav>
                  <div class="account">%s</div>
                </div></header>
                <main class="wrap">
                %s
                </main>
                <footer class="wrap">Example app for <strong>ims-auth</strong> · signs in with Bentley IMS (OpenID Connect,
                  PKCE) · tokens stay on the server</footer>
                <script src="%s/js/example.js"></script>
                </body></html>
                """.formatted(escape(title), ctx, ctx, ctx,
                navLink(ctx + "/", "Home", "home", active),
                navLink(ctx + "/profile", "Profile", "profile", active),
                navLink(ctx + "/itwin/me", "iTwin account", "itwin", active),
                account(request), body, ctx));
    }

    private static String navLink(String href, String label, String id, String active) {
        return "<a id=\"nav-" + id + "\" href=\"" + escape(href) + "\"" + (id.equals(active) ? " class=\"active\"" : "")
                + ">" + label + "</a>";
    }

    /** The signed-in user's name and the sign-out button, or a sign-in link. */
    private static String account(HttpServletRequest request) {
        String ctx = request.getContextPath();
        Optional<SignedInUser> user = ImsAuth.from(request).user();
        if (user.isEmpty()) {
            return "<a id=\"sign-in\" class=\"button\" href=\"" + escape(ctx) + "/profile\">Sign in</a>";
        }
        return """
                <span id="signed-in-as" class="who">%s</span>
                <form method="post" action="%s/logout"><button id="sign-out" type="submit" class="button ghost">Sign out</button></form>
                """.formatted(escape(user.get().claims().name()), escape(ctx));
    }
}
