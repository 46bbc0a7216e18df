package dev.imsauth.client;

import java.time.Duration;
import java.util.Optional;

/**
 * An iTwin API call failed: the API answered with an error ({@code {"error":{"code":"…","message":"…"}}}
 * mapped to {@link #code()} and the message), or could not be reached ({@link #status()} 0). The message
 * never holds the access token.
 */
public class ITwinApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ITwinApiException(int status, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no answer arrived (timeout, connection failure). */
    public int status() {
        return status;
    }

    /** The API's error code, e.g. {@code iTwinNotFound}, {@code RateLimitExceeded}; {@code HttpError} when absent. */
    public String code() {
        return code;
    }

    /** For 429/503 answers: how long the API asked us to wait, when that was beyond the retry budget. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
