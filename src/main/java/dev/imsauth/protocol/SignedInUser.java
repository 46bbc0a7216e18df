package dev.imsauth.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * A completed sign-in: who the user is and their tokens. This is what the session keeps; it is replaced
 * whole on refresh, never mutated.
 *
 * @param claims the verified ID-token claims
 * @param tokens the tokens
 */
public record SignedInUser(UserClaims claims, TokenSet tokens) implements Serializable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** Serialized compactly (see {@link SignedInUserForm}); the session holds this on every node. */
    @java.io.Serial
    private Object writeReplace() {
        return new SignedInUserForm(this);
    }

    /** The principal name, from the configured claim, falling back to {@code sub}. */
    public String principalName(String claim) {
        return claims.principal(claim).getName();
    }

    /** The principal named by the configured claim (falling back to {@code sub}), made once per user. */
    public java.security.Principal principal(String claim) {
        return claims.principal(claim);
    }

    /** True when the configured groups claim holds {@code group}: {@code groups(claim).contains(group)}, without a list. */
    public boolean hasGroup(String claim, String group) {
        return claims.hasGroup(claim, group);
    }

    /** The groups (roles) from the configured claim. */
    public List<String> groups(String claim) {
        return claims.strings(claim);
    }
}
