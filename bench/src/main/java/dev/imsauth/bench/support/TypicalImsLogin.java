package dev.imsauth.bench.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.imsauth.testsupport.TestUser;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a typical Bentley IMS sign-in carries, for measurements that depend on size: the user claims of
 * an IMS ID token (subject and organisation GUIDs, names, email, roles, site, country, identity
 * provider) and the scopes an iTwin web app asks for.
 */
public final class TypicalImsLogin {
    public static final List<String> SCOPES = List.of("openid", "profile", "email", "itwin-platform", "offline_access");
    public static final String SUBJECT = "6f1b2c4e-9a3d-4e8b-b1c2-0d9e8f7a6b5c";
    public static final String EMAIL = "alexandra.example-engineer@contoso-engineering.com";
    public static final List<String> ROLES = List.of("user", "itwin-reader", "portal-editor");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TypicalImsLogin() {
    }

    /** The claims besides the protocol ones (iss, aud, exp, iat, nonce, ...). */
    public static Map<String, Object> userClaims() {
        Map<String, Object> c = new LinkedHashMap<>(extraClaims());
        c.put("sub", SUBJECT);
        c.put("name", "Alexandra Example-Engineer");
        c.put("email", EMAIL);
        c.put("preferred_username", EMAIL);
        c.put("roles", ROLES);
        return c;
    }

    /** The same user for the test OpenID provider. */
    public static TestUser testUser() {
        return new TestUser(SUBJECT, "Alexandra Example-Engineer", EMAIL,
                ROLES, extraClaims());
    }

    private static Map<String, Object> extraClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("given_name", "Alexandra");
        c.put("family_name", "Example-Engineer");
        c.put("org", "a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b");
        c.put("org_name", "Contoso Engineering Ltd");
        c.put("ultimate_site", "1001389117");
        c.put("usage_country_iso", "GB");
        c.put("idp", "AzureAD");
        c.put("amr", List.of("pwd", "mfa"));
        c.put("sid", "3F8A1C0E6B2D4A9F7E5C3B1A0D8E6F4C");
        return c;
    }

    /** A JWT-shaped access token of an IMS token's size (IMS access tokens are signed JWTs, ~1.3 KB). */
    public static String accessTokenLike(RSAKey key) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(InProcessProvider.ISSUER)
                .audience(List.of("itwin-platform", InProcessProvider.ISSUER + "/resources"))
                .subject(SUBJECT).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).claim("client_id", InProcessProvider.CLIENT_ID)
                .claim("scope", SCOPES).claim("auth_time", now.getEpochSecond()).claim("jti", opaque(16));
        userClaims().forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), b.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A random base64url string of about {@code chars} characters. */
    public static String opaque(int chars) {
        byte[] bytes = new byte[chars * 3 / 4];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
