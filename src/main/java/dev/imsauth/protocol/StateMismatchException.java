package dev.imsauth.protocol;

/** The callback's state is unknown to this session, already used, or expired. */
public class StateMismatchException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    public StateMismatchException(String message) {
        super(Failure.AUTHENTICATION_FAILED, "state_mismatch", message);
    }
}
