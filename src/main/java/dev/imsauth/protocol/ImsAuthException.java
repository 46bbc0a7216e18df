package dev.imsauth.protocol;

/**
 * A sign-in, refresh or provider call failed. The message is safe to log and to show (after HTML
 * escaping): it never holds a token, secret, code or verifier. {@link #reason()} is a short stable code
 * such as {@code state_mismatch} for logs and tests.
 */
public class ImsAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;
    private final String reason;

    public ImsAuthException(Failure failure, String reason, String message) {
        this(failure, reason, message, null);
    }

    public ImsAuthException(Failure failure, String reason, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.reason = reason;
    }

    /** The kind of failure, which decides the HTTP status. */
    public Failure failure() {
        return failure;
    }

    /** The stable reason of a failure: its own for an ims-auth exception, {@code internal_error} for anything else. */
    public static String reasonOf(Throwable failure) {
        return failure instanceof ImsAuthException ims ? ims.reason() : "internal_error";
    }

    /** A short stable reason code, e.g. {@code state_mismatch}, {@code invalid_id_token}. */
    public String reason() {
        return reason;
    }
}
