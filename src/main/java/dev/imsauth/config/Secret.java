package dev.imsauth.config;

import java.io.Serializable;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A value that must never leave the process: client secrets, tokens, codes, verifiers.
 * Its {@code toString()} is {@code ****}, so it cannot leak through a log line or an exception message
 * by accident; call {@link #reveal()} where the value is really needed (an HTTP request to the provider).
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-empty value. */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret value itself; never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
