package dev.imsauth.example;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The signed-in user of a request: verified ID-token claims and tokens, as ims-auth stored them in the
 * session at sign-in. {@code request.getUserPrincipal()} and {@code isUserInRole()} work too; this is for
 * the claims and the access token.
 */
final class CurrentUser {

    private CurrentUser() {
    }

    static Optional<SignedInUser> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SessionStore.USER_ATTRIBUTE) instanceof SignedInUser user
                ? Optional.of(user) : Optional.empty();
    }
}
