package dev.imsauth.protocol;

/** The authorization response names another issuer, or omits one the provider promised (RFC 9207). */
public class IssuerMismatchException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    public IssuerMismatchException(String message) {
        super(Failure.AUTHENTICATION_FAILED, "issuer_mismatch", message);
    }
}
