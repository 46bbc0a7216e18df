package dev.imsauth.protocol;

/**
 * The token endpoint refused the grant (e.g. {@code invalid_grant}, {@code invalid_client}). The message
 * carries the OAuth error code and, when the provider gave one, its {@code error_description} cleaned by
 * {@link ProviderText} (no control characters, length-capped, nothing the request sent secretly).
 */
public class TokenRejectedException extends ImsAuthException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final String description;

    public TokenRejectedException(String error, String message) {
        this(error, null, message);
    }

    public TokenRejectedException(String error, String description, String message) {
        super(Failure.AUTHENTICATION_FAILED, "token_rejected", message);
        this.error = error;
        this.description = description;
    }

    /** The OAuth error code from the token endpoint, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }

    /** The provider's cleaned {@code error_description}, or null when it gave none; escape it before showing it. */
    public String description() {
        return description;
    }
}
