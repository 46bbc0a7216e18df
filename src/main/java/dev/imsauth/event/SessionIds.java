package dev.imsauth.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** The one-way hash under which events name a session: the session id itself never leaves the container. */
public final class SessionIds {
    private SessionIds() {
    }

    /**
     * URL-safe Base64 of the first 128 bits of SHA-256 of the id (22 characters); null for null. Session ids carry
     * enough randomness that the hash cannot be turned back into a usable id.
     */
    public static String hash(String sessionId) {
        if (sessionId == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
