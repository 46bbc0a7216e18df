package dev.imsauth.example;

import dev.imsauth.protocol.UserClaims;
import dev.imsauth.web.ImsAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * {@code GET /api/me}: the signed-in user as JSON, for scripts. Behind the ims-auth filter, a call without a
 * session never reaches this servlet: ims-auth answers 401 with {@code {"error":"sign_in_required",…}}
 * (an XHR/fetch cannot follow a redirect to a login page).
 */
public class ApiMeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserClaims claims = ImsAuth.from(request).user().orElseThrow().claims();
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"id\":" + json(claims.subject())
                + ",\"name\":" + json(claims.name())
                + ",\"email\":" + claims.email().map(ApiMeServlet::json).orElse("null")
                + ",\"roles\":[" + claims.strings("roles").stream().map(ApiMeServlet::json).collect(Collectors.joining(","))
                + "]}");
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
