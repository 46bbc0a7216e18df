package dev.imsauth.servlet;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.List;

/**
 * The request as the application sees it behind the filter: {@code getUserPrincipal()},
 * {@code getRemoteUser()} and {@code isUserInRole()} answer from the signed-in user's claims, and
 * {@code logout()} forgets the user (their tokens leave the session; the request is anonymous from then on).
 */
final class SignedInRequest extends HttpServletRequestWrapper {
    static final String AUTH_TYPE = "OIDC";
    private final Principal principal;
    private final List<String> roles;
    private final SessionStore store;
    private volatile boolean loggedOut;

    SignedInRequest(HttpServletRequest request, SignedInUser user, ImsAuthConfig config, SessionStore store) {
        super(request);
        String name = user.principalName(config.principalClaim());
        this.principal = () -> name;
        this.roles = user.groups(config.groupsClaim());
        this.store = store;
    }

    @Override
    public Principal getUserPrincipal() {
        return loggedOut ? null : principal;
    }

    @Override
    public String getRemoteUser() {
        return loggedOut ? null : principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return !loggedOut && roles.contains(role);
    }

    @Override
    public String getAuthType() {
        return loggedOut ? null : AUTH_TYPE;
    }

    /** Signs the user out of the application: the session keeps no tokens, and this request turns anonymous. */
    @Override
    public void logout() throws ServletException {
        loggedOut = true;
        store.signOut((HttpServletRequest) getRequest());
        super.logout();
    }
}
