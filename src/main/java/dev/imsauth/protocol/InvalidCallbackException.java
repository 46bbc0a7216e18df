package dev.imsauth.protocol;

/** The callback request is malformed: no state, no code, duplicated or oversized parameters. */
public class InvalidCallbackException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    public InvalidCallbackException(String message) {
        super(Failure.BAD_REQUEST, "invalid_callback", message);
    }
}
