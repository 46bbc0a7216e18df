package dev.imsauth.servlet;

import dev.imsauth.protocol.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.List;

/**
 * The request as the application sees it behind the filter: {@code getUserPrincipal()},
 * {@code getRemoteUser()} and {@code isUserInRole()} answer from the signed-in user's claims.
 */
final class SignedInRequest extends HttpServletRequestWrapper {
    static final String AUTH_TYPE = "OIDC";
    private final Principal principal;
    private final List<String> roles;

    SignedInRequest(HttpServletRequest request, SignedInUser user, String principalClaim, String groupsClaim) {
        super(request);
        String name = user.principalName(principalClaim);
        this.principal = () -> name;
        this.roles = user.groups(groupsClaim);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
