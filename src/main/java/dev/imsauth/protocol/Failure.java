package dev.imsauth.protocol;

/** What kind of failure a sign-in step had; the adapters map it to an HTTP status. */
public enum Failure {
    /** The request itself is malformed (e.g. a callback without state): 400. */
    BAD_REQUEST(400),
    /** The sign-in was rejected (state, nonce, ID token, provider said no): 401. */
    AUTHENTICATION_FAILED(401),
    /** The provider answered, but wrongly (5xx, garbage, oversized): 502. */
    PROVIDER_ERROR(502),
    /** The provider cannot be reached or discovered right now: 503. */
    PROVIDER_UNAVAILABLE(503);

    private final int status;

    Failure(int status) {
        this.status = status;
    }

    /** The HTTP status an adapter answers with. */
    public int status() {
        return status;
    }
}
