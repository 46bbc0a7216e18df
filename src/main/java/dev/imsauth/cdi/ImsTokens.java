package dev.imsauth.cdi;

import dev.imsauth.protocol.TokenSet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user's tokens, for calling iTwin APIs from a servlet, a JAX-RS resource or any CDI bean
 * of the same request: {@code @Inject ImsTokens tokens; … tokens.authorizationHeader()}. Works behind
 * the Jakarta Security mechanism and behind {@code ImsAuthFilter}. Each call reads the session anew.
 * Without a signed-in user every getter throws {@link NotSignedInException}; {@link #isSignedIn()} does not.
 * {@code toString()} never shows a token.
 */
@RequestScoped
public class ImsTokens {
    private final CurrentSignIn current;

    @Inject
    ImsTokens(CurrentSignIn current) {
        this.current = current;
    }

    /** For the container's proxy. */
    protected ImsTokens() {
        this.current = null;
    }

    /** True when a user is signed in on this request. */
    public boolean isSignedIn() {
        return current.user().isPresent();
    }

    /** The access token for API calls (never log it). */
    public String accessToken() {
        return tokens("access token").accessToken();
    }

    /** {@code Bearer <access token>}, the value of an {@code Authorization} header. */
    public String authorizationHeader() {
        return tokens("access token").authorizationHeader();
    }

    /** When the access token expires. */
    public Instant expiresAt() {
        return tokens("token expiry").expiresAt();
    }

    /** The scopes the provider granted. */
    public List<String> scopes() {
        return tokens("scope").scopes();
    }

    /** The verified claims of the user's ID token. */
    public Map<String, Object> idTokenClaims() {
        return current.require("ID token").claims().all();
    }

    private TokenSet tokens(String what) {
        return current.require(what).tokens();
    }

    @Override
    public String toString() {
        return "ImsTokens[signedIn=" + isSignedIn() + "]";
    }
}
