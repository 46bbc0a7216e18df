package dev.imsauth.protocol;

/** The token endpoint refused the grant (e.g. {@code invalid_grant}, {@code invalid_client}). */
public class TokenRejectedException extends ImsAuthException {
    private static final long serialVersionUID = 1L;
    private final String error;

    public TokenRejectedException(String error, String message) {
        super(Failure.AUTHENTICATION_FAILED, "token_rejected", message);
        this.error = error;
    }

    /** The OAuth error code from the token endpoint, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }
}
