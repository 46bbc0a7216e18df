package dev.imsauth.servlet;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.WebFlows;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collection;
import java.util.List;

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
    private final String principalClaim;
    private final String groupsClaim;
    private final WebFlows flows;
    private Principal principal;
    private volatile boolean loggedOut;

    SignedInRequest(HttpServletRequest request, SignedInUser user, String principalClaim, String groupsClaim,
                    WebFlows flows) {
        super(request);
        this.user = user;
        this.principalClaim = principalClaim;
        this.groupsClaim = groupsClaim;
        this.flows = flows;
    }

    @Override
    public Principal getUserPrincipal() {
        if (loggedOut) {
            return null;
        }
        Principal p = principal;
        if (p == null) {
            String name = user.principalName(principalClaim);
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
        Object groups = user.claims().all().get(groupsClaim);
        if (groups instanceof List<?> list) { // by index: no iterator per role check
            for (int i = 0; i < list.size(); i++) {
                if (role.equals(String.valueOf(list.get(i)))) {
                    return true;
                }
            }
            return false;
        }
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
        flows.forgetUser((HttpServletRequest) getRequest());
        super.logout();
    }
}
