package dev.imsauth.example;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /logout} (the default {@code ims.logout-path}) when the ims-auth filter lets it through: ends
 * the local session and returns home. Stand-in until the library's logout (token revocation and the
 * provider's end-session redirect) is on main; the filter then answers this path itself and this servlet
 * is never reached.
 */
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/");
    }
}
