package dev.imsauth.protocol;

import dev.imsauth.config.Secret;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One sign-in under way, kept server-side between the redirect to the provider and the callback:
 * the state that keys it, the nonce and PKCE verifier that bind the response to it, the exact
 * redirect URI sent, and where to return afterwards. Single use.
 *
 * @param state       the state sent to the provider
 * @param nonce       the nonce the ID token must carry
 * @param verifier    the PKCE code verifier (never sent in the front channel, never shown)
 * @param redirectUri the redirect URI sent in the authorization request
 * @param returnUrl   the same-origin path to return to after sign-in
 * @param scopes      the scopes requested
 * @param createdAt   when the sign-in started
 */
public record PendingLogin(String state, String nonce, Secret verifier, String redirectUri, String returnUrl,
                           List<String> scopes, Instant createdAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PendingLogin {
        scopes = List.copyOf(scopes);
    }

    /** True once the sign-in is older than the allowed time. */
    public boolean expiredAt(Instant now, java.time.Duration timeout) {
        return !now.isBefore(createdAt.plus(timeout));
    }
}
