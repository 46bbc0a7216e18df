package dev.imsauth.protocol;

import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The serialized form of a {@link SignedInUser}, which replicating and persisting session managers write
 * on every change: one class descriptor and the values, instead of a descriptor per JDK collection and
 * token wrapper, and the claims left out when they are exactly the ID token's payload (they are after
 * sign-in and after a refresh), since the ID token carries them already. Versioned by its first byte.
 * Reading rebuilds the user through the public constructors; it never verifies a token again (the session
 * store is trusted like the session itself).
 */
final class SignedInUserForm implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;
    /** Bound on one value's length when reading, so a corrupt stream cannot make us allocate gigabytes. */
    private static final int MAX_VALUE_BYTES = 1 << 20;
    private transient SignedInUser user;

    SignedInUserForm(SignedInUser user) {
        this.user = user;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        TokenSet tokens = user.tokens();
        out.writeByte(VERSION);
        writeString(out, tokens.accessToken());
        writeString(out, tokens.refreshToken().orElse(null));
        writeString(out, tokens.idToken().orElse(null));
        out.writeLong(tokens.expiresAt().getEpochSecond());
        out.writeInt(tokens.expiresAt().getNano());
        writeString(out, String.join(" ", tokens.scopes()));
        writeString(out, claimsInIdToken(user) ? null : Json.write(user.claims().all()));
    }

    private static boolean claimsInIdToken(SignedInUser user) {
        try {
            return user.tokens().idToken().map(id -> user.claims().all().equals(payload(id))).orElse(false);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new InvalidObjectException("unknown serialized form " + version + " of a signed-in user");
        }
        String access = readString(in);
        String refresh = readString(in);
        String idToken = readString(in);
        Instant expiresAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String scopes = readString(in);
        String claims = readString(in);
        try {
            Map<String, Object> claimMap = claims != null ? Json.parseObject(claims)
                    : idToken != null ? payload(idToken) : null;
            if (access == null || scopes == null || claimMap == null) {
                throw new InvalidObjectException("incomplete signed-in user");
            }
            user = new SignedInUser(new UserClaims(claimMap), new TokenSet(access, refresh, idToken, expiresAt,
                    scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "))));
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectException("unreadable signed-in user");
        }
    }

    @Serial
    private Object readResolve() {
        return user;
    }

    /** The claims of a compact JWT's payload, as {@link UserClaims} holds them. */
    private static Map<String, Object> payload(String jwt) {
        try {
            return new UserClaims(JWTParser.parse(jwt).getJWTClaimsSet().toJSONObject()).all();
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the ID token cannot be read");
        }
    }

    private static void writeString(ObjectOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ObjectInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_VALUE_BYTES) {
            throw new InvalidObjectException("a value of a signed-in user is out of bounds");
        }
        // readFully, not readNBytes: read back through JBoss Marshalling (WildFly's distributable sessions),
        // readNBytes left the stream misaligned and the session unreadable (OptionalDataException)
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
