package dev.imsauth.bench.load;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a signed-in session costs a replicating container: the Java-serialized size of each session
 * attribute a security library put there, and for ims-auth how much of it is the token strings
 * themselves (which are as large as the provider makes them).
 */
final class SessionSizes {
    private SessionSizes() {
    }

    /** Serialized bytes per attribute name of the session. */
    static Map<String, Integer> attributes(HttpSession session) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String name : Collections.list(session.getAttributeNames())) {
            sizes.put(name, serializedSize(session.getAttribute(name)));
        }
        return sizes;
    }

    /** The UTF-8 bytes of the token strings a signed-in user holds (what Java serialization writes for them). */
    static int tokenBytes(SignedInUser user) {
        TokenSet t = user.tokens();
        return utf8(t.accessToken()) + t.refreshToken().map(SessionSizes::utf8).orElse(0)
                + t.idToken().map(SessionSizes::utf8).orElse(0);
    }

    /**
     * The size of a signed-in user with one claim and one-character tokens: the fixed part of the Java
     * serialization (class descriptors and field names), which a container that writes the whole session
     * in one stream pays once per class, not once per attribute.
     */
    static int fixedPart() {
        return serializedSize(new SignedInUser(new dev.imsauth.protocol.UserClaims(java.util.Map.of("sub", "s")),
                new TokenSet("a", "r", "i", java.time.Instant.EPOCH, java.util.List.of("openid"))));
    }

    static int serializedSize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("session attribute is not serializable: " + value.getClass().getName(), e);
        }
        return bytes.size();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
