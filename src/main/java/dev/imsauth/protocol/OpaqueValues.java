package dev.imsauth.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque values the library makes for itself, base64url without padding: a non-reversible key that names a
 * secret (a token) without keeping it, and a random token.
 */
public final class OpaqueValues {
    private OpaqueValues() {
    }

    /** The SHA-256 of the text's UTF-8 bytes: a stable key for a token that cannot be turned back into it. */
    public static String sha256(String text) {
        try {
            return encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** {@code bytes} random bytes from {@code random}. */
    public static String random(SecureRandom random, int bytes) {
        byte[] out = new byte[bytes];
        random.nextBytes(out);
        return encode(out);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
