package dev.imsauth.example;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * The profile page, declared in web.xml (next to where the ims-auth filter will protect it).
 * Until ims-auth is wired in it is public and shows a per-session visit counter, which the browser
 * tests use to tell two browsers' sessions apart.
 */
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String VISITS = ProfileServlet.class.getName() + ".visits";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        int visits = countVisit(session);
        Principal user = request.getUserPrincipal();
        String who = user == null
                ? "Nobody is signed in yet (ims-auth is not wired in)."
                : "Signed in as " + Html.escape(user.getName()) + ".";
        Html.page(response, "Profile", """
                <h1>Profile</h1>
                <p id="user">%s</p>
                <p id="visits">Visits in this session: %d</p>
                <p><a id="home-link" href="./">Home</a></p>
                """.formatted(who, visits));
    }

    private static int countVisit(HttpSession session) {
        synchronized (session) {
            Integer previous = (Integer) session.getAttribute(VISITS);
            int visits = previous == null ? 1 : previous + 1;
            session.setAttribute(VISITS, visits);
            return visits;
        }
    }
}
