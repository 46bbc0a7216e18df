package dev.imsauth.conformance.app;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.ImsAuth;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the application sees of the request, the way application code asks for it (servlet API and
 * {@link ImsAuth}): pages under {@code /page/*} (signed in) and {@code /public/*} as HTML with one element per
 * fact, {@code /api/me} as {@code key=value} lines. Tokens are never written, only a fingerprint.
 */
@WebServlet({"/page/*", "/public/*", "/api/me"})
public class ReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> facts = facts(request);
        response.setCharacterEncoding("UTF-8");
        if (request.getServletPath().startsWith("/api")) {
            response.setContentType("text/plain");
            response.getWriter().print(facts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n")));
            return;
        }
        response.setContentType("text/html");
        response.getWriter().print("<!DOCTYPE html><html><head><title>report</title></head><body><dl>"
                + facts.entrySet().stream().map(e -> "<dt>" + e.getKey() + "</dt><dd id=\"" + e.getKey() + "\">"
                        + escape(e.getValue()) + "</dd>").collect(Collectors.joining())
                + "</dl><form method=\"post\" action=\"" + request.getContextPath() + "/logout\">"
                + "<button id=\"sign-out\" type=\"submit\">Sign out</button></form></body></html>");
    }

    static Map<String, String> facts(HttpServletRequest request) {
        Map<String, String> facts = new LinkedHashMap<>();
        String query = request.getQueryString();
        facts.put("page", request.getRequestURI() + (query == null ? "" : "?" + query));
        facts.put("user", String.valueOf(request.getRemoteUser()));
        facts.put("role-user", String.valueOf(request.isUserInRole("user")));
        facts.put("role-admin", String.valueOf(request.isUserInRole("admin")));
        Optional<SignedInUser> user = ImsAuth.from(request).user();
        user.ifPresent(signedIn -> {
            facts.put("name", signedIn.claims().name());
            facts.put("email", signedIn.claims().email().orElse(""));
            facts.put("nonce", signedIn.claims().string("nonce").orElse(""));
            facts.put("sid", signedIn.claims().string("sid").orElse(""));
            facts.put("token", fingerprint(signedIn.tokens().accessToken()));
            facts.put("expires-at", String.valueOf(signedIn.tokens().expiresAt().getEpochSecond()));
        });
        return facts;
    }

    static String fingerprint(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
