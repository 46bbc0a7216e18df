package dev.imsauth.servlet;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.WebFlows;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as the application sees it behind the filter: {@code getUserPrincipal()},
 * {@code getRemoteUser()} and {@code isUserInRole()} answer from the signed-in user's claims, and
 * {@code logout()} forgets the user (their tokens leave the session; the request is anonymous from then on).
 * One is made for every signed-in request, so it does no work up front: the principal and the set of groups are
 * the user's own, made once per sign-in (see {@link SignedInUser#principal}).
 */
final class SignedInRequest extends HttpServletRequestWrapper {
    static final String AUTH_TYPE = "OIDC";
    private final SignedInUser user;
    private final String principalClaim;
    private final String groupsClaim;
    private final WebFlows flows;
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
        return loggedOut ? null : user.principal(principalClaim);
    }

    @Override
    public String getRemoteUser() {
        Principal p = getUserPrincipal();
        return p == null ? null : p.getName();
    }

    /** As {@code user.groups(groupsClaim).contains(role)}: a set lookup. */
    @Override
    public boolean isUserInRole(String role) {
        return !loggedOut && role != null && user.hasGroup(groupsClaim, role);
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
