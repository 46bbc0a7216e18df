package dev.imsauth.protocol;

/**
 * The provider could not be used: unreachable, timed out, answered 5xx, garbage or an oversized body
 * ({@link Failure#PROVIDER_ERROR}), or discovery is down or inconsistent ({@link Failure#PROVIDER_UNAVAILABLE}).
 */
public class ProviderException extends ImsAuthException {
    private static final long serialVersionUID = 1L;
    private java.time.Duration retryAfter;

    public ProviderException(Failure failure, String reason, String message, Throwable cause) {
        super(failure, reason, message, cause);
    }

    /** The wait the provider asked for with {@code Retry-After}, already bounded ({@link ProviderBounds}). */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    ProviderException withRetryAfter(java.util.Optional<java.time.Duration> wait) {
        this.retryAfter = wait.orElse(null);
        return this;
    }

    static ProviderException error(String message, Throwable cause) {
        return new ProviderException(Failure.PROVIDER_ERROR, "provider_fault", message, cause);
    }

    static ProviderException unavailable(String message, Throwable cause) {
        return new ProviderException(Failure.PROVIDER_UNAVAILABLE, "provider_unavailable", message, cause);
    }
}
