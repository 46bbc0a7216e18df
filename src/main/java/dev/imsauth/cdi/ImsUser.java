package dev.imsauth.cdi;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.UserClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is signed in on the current request, from their verified ID token:
 * {@code @Inject ImsUser user; … user.name()}. Works behind the Jakarta Security mechanism and behind
 * {@code ImsAuthFilter}. Without a signed-in user every getter throws {@link NotSignedInException};
 * {@link #isSignedIn()} does not. Holds no token.
 */
@RequestScoped
public class ImsUser {
    private final CurrentSignIn current;

    @Inject
    ImsUser(CurrentSignIn current) {
        this.current = current;
    }

    /** For the container's proxy. */
    protected ImsUser() {
        this.current = null;
    }

    /** True when a user is signed in on this request. */
    public boolean isSignedIn() {
        return current.user().isPresent();
    }

    /** The subject: the user's stable id at the provider ({@code sub}). */
    public String subject() {
        return claims("subject").subject();
    }

    /** The display name ({@code name}, else {@code preferred_username}, email or subject). */
    public String name() {
        return claims("name").name();
    }

    /** The email address, when the provider sent one. */
    public Optional<String> email() {
        return claims("email").email();
    }

    /** The name the container knows the user by: the {@code ims.principal-claim} claim (default {@code sub}). */
    public String principalName() {
        return user("principal name").principalName(current.provider().principalClaim());
    }

    /** The user's roles: the {@code ims.groups-claim} claim (default {@code roles}). */
    public List<String> groups() {
        return user("groups").groups(current.provider().groupsClaim());
    }

    /** One claim as text, e.g. {@code claim("org_name")}. */
    public Optional<String> claim(String name) {
        return claims("claim " + name).string(name);
    }

    /** All verified ID-token claims, unmodifiable. */
    public Map<String, Object> claims() {
        return claims("claims").all();
    }

    private UserClaims claims(String what) {
        return user(what).claims();
    }

    private SignedInUser user(String what) {
        return current.require("user " + what);
    }

    @Override
    public String toString() {
        return "ImsUser[signedIn=" + isSignedIn() + "]";
    }
}
