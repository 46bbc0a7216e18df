package dev.imsauth.protocol;

/** The provider answered the authorization request with an error (e.g. {@code access_denied}). */
public class AuthorizationDeniedException extends ImsAuthException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final String description;

    public AuthorizationDeniedException(String error, String description) {
        super(Failure.AUTHENTICATION_FAILED, "provider_error",
                "The identity provider did not sign you in: " + error + (description == null ? "" : " (" + description + ")"));
        this.error = error;
        this.description = description;
    }

    /** The OAuth error code, e.g. {@code access_denied}; shown escaped. */
    public String error() {
        return error;
    }

    /** The provider's description, possibly null; shown escaped. */
    public String description() {
        return description;
    }
}
