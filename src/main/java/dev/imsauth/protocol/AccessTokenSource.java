package dev.imsauth.protocol;

/**
 * Where an API client gets the access token it sends: the signed-in user's session (refreshed before it
 * expires) or a service app's client-credentials token. Implementations are thread-safe and cheap to call
 * for every request; they never log the token.
 */
@FunctionalInterface
public interface AccessTokenSource {

    /** A current access token, renewed first when it is about to expire. */
    String accessToken();

    /**
     * An access token after an API rejected {@code rejected} with 401: a renewed one when {@code rejected} is
     * still the current token, or the current one when another caller has renewed it meanwhile. The default
     * simply returns {@link #accessToken()}.
     */
    default String refreshedAccessToken(String rejected) {
        return accessToken();
    }
}
