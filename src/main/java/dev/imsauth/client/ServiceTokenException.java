package dev.imsauth.client;

import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.ImsAuthException;

/**
 * A service app could not get a client-credentials token: IMS refused it ({@link #error()} is the OAuth
 * error code, e.g. {@code invalid_client}, {@code invalid_scope}), or IMS stayed unavailable through every
 * retry ({@code provider_unavailable}). The message says what to check; it never holds the secret.
 */
public class ServiceTokenException extends ImsAuthException {
    private static final long serialVersionUID = 1L;
    private final String error;

    public ServiceTokenException(Failure failure, String error, String message, Throwable cause) {
        super(failure, error, message, cause);
        this.error = error;
    }

    /** The OAuth error code from IMS, or {@code provider_unavailable}. */
    public String error() {
        return error;
    }
}
