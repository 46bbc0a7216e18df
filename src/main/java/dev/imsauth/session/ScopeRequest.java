package dev.imsauth.session;

import java.io.Serializable;
import java.util.List;

/**
 * Scopes the user was sent to the provider for ({@code ImsAuth.requireScopes}), and the generation of tokens
 * they had then (a hash of the access token, never the token): a sign-in that completes with a new generation
 * still without these scopes means the provider declined them.
 */
public record ScopeRequest(List<String> scopes, String generation) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScopeRequest {
        scopes = List.copyOf(scopes);
    }
}
