package dev.imsauth.protocol;

/** The ID token failed validation: signature, algorithm, iss, aud, azp, exp, iat, nonce, sub or at_hash. */
public class IdTokenInvalidException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    public IdTokenInvalidException(String message, Throwable cause) {
        super(Failure.AUTHENTICATION_FAILED, "invalid_id_token", message, cause);
    }
}
