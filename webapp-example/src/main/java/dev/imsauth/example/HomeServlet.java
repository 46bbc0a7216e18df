package dev.imsauth.example;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The public home page. Mapped by annotation (the empty pattern is the context root exactly), so it
 * also proves that the container scans the WAR's classes.
 */
@WebServlet(name = "home", urlPatterns = "")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal user = request.getUserPrincipal();
        String status = user == null
                ? "Not signed in."
                : "Signed in as " + Html.escape(user.getName()) + ".";
        Html.page(response, "ims-auth example", """
                <h1>ims-auth example</h1>
                <p id="status">%s</p>
                <p>This page is public. The profile page will ask Bentley IMS who you are.</p>
                <p><a id="profile-link" href="profile">Your profile</a></p>
                """.formatted(status));
    }
}
