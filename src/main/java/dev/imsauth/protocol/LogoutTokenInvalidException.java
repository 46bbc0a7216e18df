package dev.imsauth.protocol;

/**
 * A back-channel logout token failed validation (OIDC Back-Channel Logout 1.0 §2.6): size, signature,
 * algorithm, typ, iss, aud, iat, exp, jti (or a replay of it), events, sid/sub or nonce. The message names the
 * check, never a claim value. Adapters answer 400.
 */
public class LogoutTokenInvalidException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    public LogoutTokenInvalidException(String message) {
        super(Failure.BAD_REQUEST, "invalid_logout_token", message);
    }
}
