package dev.imsauth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.imsauth.config.Secret;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the library puts into the {@code HttpSession}, as a replicating container sees it: every value
 * {@link Serializable} with a declared serialVersionUID, a faithful round trip, and the serialized size
 * with tokens as large as IMS issues them (access token a JWT of about 2 KB, ID token about 1 KB, an
 * opaque refresh token of 64 characters), kept under 4 KB for a signed-in user. Prints the sizes.
 */
class SessionAttributeSizeTest {
    private static final int ACCESS_TOKEN_CHARS = 2048;
    private static final int REFRESH_TOKEN_CHARS = 64;
    private static final int LIMIT = 4096;
    private static final SecureRandom random = new SecureRandom();

    @Test
    void everyClassTheLibraryStoresInTheSessionDeclaresASerialVersionUid() throws Exception {
        List<Class<?>> stored = List.of(SignedInUser.class, UserClaims.class, TokenSet.class, Secret.class,
                PendingLogins.class, PendingLogin.class, Class.forName("dev.imsauth.web.ImsAuth$ScopeRequest"));
        for (Class<?> type : stored) {
            assertThat(Serializable.class).as(type.getName()).isAssignableFrom(type);
            Field uid = type.getDeclaredField("serialVersionUID");
            assertThat(Modifier.isStatic(uid.getModifiers()) && Modifier.isFinal(uid.getModifiers())
                    && uid.getType() == long.class).as("%s declares static final long serialVersionUID", type.getName()).isTrue();
        }
    }

    @Test
    void aSignedInUserWithImsSizedTokensStaysUnderFourKilobytesAndSurvivesTheRoundTrip() throws Exception {
        SignedInUser user = imsSizedUser();
        PendingLogins pending = new PendingLogins(10);
        Instant now = Instant.parse("2026-05-04T10:00:00Z");
        pending.add(new PendingLogin(token(43), token(43), Secret.of(token(64)), "https://portal.example.com/app/signin-oidc",
                "/app/reports/42?tab=summary", List.of("openid", "profile", "email", "organization", "offline_access",
                "itwin-platform"), now), now, Duration.ofMinutes(10));
        String logoutToken = token(43);

        int userBytes = serialize(user).length;
        int pendingBytes = serialize(pending).length;
        int logoutBytes = serialize(logoutToken).length;
        int tokenChars = user.tokens().accessToken().length() + user.tokens().idToken().orElseThrow().length()
                + user.tokens().refreshToken().orElseThrow().length();
        System.out.printf("[session size] signed-in user %d bytes (tokens %d chars, %d claims), one pending sign-in "
                        + "%d bytes, logout-form token %d bytes; signed in with the logout token: %d bytes (limit %d)%n",
                userBytes, tokenChars, user.claims().all().size(), pendingBytes, logoutBytes, userBytes + logoutBytes, LIMIT);

        assertThat(userBytes + logoutBytes).as("what a signed-in session holds").isLessThan(LIMIT);
        assertThat(pendingBytes).as("one sign-in under way").isLessThan(1024);
        SignedInUser back = (SignedInUser) deserialize(serialize(user));
        assertThat(back.tokens().accessToken()).isEqualTo(user.tokens().accessToken());
        assertThat(back.tokens().refreshToken()).isEqualTo(user.tokens().refreshToken());
        assertThat(back.tokens().idToken()).isEqualTo(user.tokens().idToken());
        assertThat(back.tokens().expiresAt()).isEqualTo(user.tokens().expiresAt());
        assertThat(back.tokens().scopes()).isEqualTo(user.tokens().scopes());
        assertThat(back.claims().all()).isEqualTo(user.claims().all());
        PendingLogins pendingBack = (PendingLogins) deserialize(serialize(pending));
        assertThat(pendingBack.states()).isEqualTo(pending.states());
    }

    @Test
    void claimsThatAreNotTheIdTokensPayloadAndAUserWithoutIdTokenSurviveTheRoundTrip() throws Exception {
        SignedInUser user = imsSizedUser();
        Map<String, Object> changed = new LinkedHashMap<>(user.claims().all());
        changed.put("name", "Renamed Meanwhile");
        changed.put("score", 12.5);
        for (SignedInUser variant : List.of(
                new SignedInUser(new UserClaims(changed), user.tokens()),
                new SignedInUser(user.claims(), new TokenSet(user.tokens().accessToken(), null, null,
                        user.tokens().expiresAt(), List.of())))) {
            SignedInUser back = (SignedInUser) deserialize(serialize(variant));
            assertThat(back.claims().all()).isEqualTo(variant.claims().all());
            assertThat(back.tokens().refreshToken()).isEqualTo(variant.tokens().refreshToken());
            assertThat(back.tokens().idToken()).isEqualTo(variant.tokens().idToken());
            assertThat(back.tokens().scopes()).isEqualTo(variant.tokens().scopes());
        }
    }

    /**
     * A user as sign-in stores one: the claims are the (signed, IMS-like) ID token's, and the tokens have
     * IMS's sizes.
     */
    static SignedInUser imsSizedUser() throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://ims.bentley.com")
                .audience("spa-portal-4mGq2bXc9kT1")
                .notBeforeTime(new Date(1777888000_000L))
                .issueTime(new Date(1777888000_000L))
                .expirationTime(new Date(1777891600_000L))
                .subject("8f2c1a7e-3b4d-4e5f-9a6b-7c8d9e0f1a2b")
                .claim("amr", List.of("external"))
                .claim("at_hash", token(22))
                .claim("sid", "6B3A1F0C9D8E7F6A5B4C3D2E1F0A9B8C")
                .claim("auth_time", 1777887990L)
                .claim("idp", "Bentley-AzureAD")
                .claim("org", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
                .claim("org_name", "Example Engineering Ltd")
                .claim("given_name", "Alexandra")
                .claim("family_name", "Fernandez-Whitfield")
                .claim("name", "Alexandra Fernandez-Whitfield")
                .claim("email", "alexandra.fernandez-whitfield@example-engineering.com")
                .claim("preferred_username", "alexandra.fernandez-whitfield@example-engineering.com")
                .claim("role", List.of("Project Manager", "iTwin Viewer"));
        RSAKey key = new RSAKeyGenerator(2048).keyID(token(27)).generate();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        idToken.sign(new RSASSASigner(key));
        String id = idToken.serialize();
        TokenSet tokens = new TokenSet(jwt(ACCESS_TOKEN_CHARS), token(REFRESH_TOKEN_CHARS), id,
                Instant.ofEpochSecond(1777891600L), List.of("openid", "profile", "email", "organization",
                "offline_access", "itwin-platform"));
        return new SignedInUser(new UserClaims(JWTParser.parse(id).getJWTClaimsSet().toJSONObject()), tokens);
    }

    /** A compact-JWT-shaped string of exactly {@code chars} characters. */
    private static String jwt(int chars) {
        String header = token(36);
        String signature = token(342); // RS256: 256 bytes, base64url
        return header + "." + token(chars - header.length() - signature.length() - 2) + "." + signature;
    }

    /** Random base64url characters, {@code chars} of them. */
    private static String token(int chars) {
        byte[] bytes = new byte[chars];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, chars);
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
