package dev.imsauth.servlet;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collection;

/**
 * The request as the application sees it behind the filter: {@code getUserPrincipal()},
 * {@code getRemoteUser()} and {@code isUserInRole()} answer from the signed-in user's claims, and
 * {@code logout()} forgets the user (their tokens leave the session; the request is anonymous from then on).
 * One is made for every signed-in request, so it does no work up front: the principal is made when first
 * asked for, and a role check looks into the groups claim without copying it.
 */
final class SignedInRequest extends HttpServletRequestWrapper {
    static final String AUTH_TYPE = "OIDC";
    private final SignedInUser user;
    private final ProviderSettings config;
    private final SessionStore store;
    private Principal principal;
    private volatile boolean loggedOut;

    SignedInRequest(HttpServletRequest request, SignedInUser user, ProviderSettings config, SessionStore store) {
        super(request);
        this.user = user;
        this.config = config;
        this.store = store;
    }

    @Override
    public Principal getUserPrincipal() {
        if (loggedOut) {
            return null;
        }
        Principal p = principal;
        if (p == null) {
            String name = user.principalName(config.principalClaim());
            p = () -> name;
            principal = p;
        }
        return p;
    }

    @Override
    public String getRemoteUser() {
        Principal p = getUserPrincipal();
        return p == null ? null : p.getName();
    }

    /** As {@code user.groups(groupsClaim).contains(role)}, without building the list. */
    @Override
    public boolean isUserInRole(String role) {
        if (loggedOut || role == null) {
            return false;
        }
        Object groups = user.claims().all().get(config.groupsClaim());
        if (groups instanceof Collection<?> c) {
            for (Object g : c) {
                if (role.equals(String.valueOf(g))) {
                    return true;
                }
            }
            return false;
        }
        return groups != null && role.equals(groups.toString());
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
