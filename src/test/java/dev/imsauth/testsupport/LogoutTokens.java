package dev.imsauth.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OIDC Back-Channel Logout tokens as a provider signs them (RS256 with its current key, {@code typ}
 * {@code logout+jwt}), and the forgeries the library must refuse. Every token is registered with the
 * {@link SecretLedger}, so no log line may show one.
 */
public final class LogoutTokens {
    /** The events member a logout token carries. */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** The media type of logout tokens. */
    public static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");

    /** How a token is signed. */
    public enum Signing {
        /** The provider's current key, as a real logout token. */
        RS256,
        /** Unsigned ({@code alg: none}). */
        ALG_NONE,
        /** HS256 MACed with the provider's public key (algorithm confusion). */
        HS256_WITH_PUBLIC_KEY,
        /** Another key's signature under the current kid. */
        BAD_SIGNATURE,
        /** A key whose kid is not in the JWKS. */
        UNKNOWN_KID
    }

    private final String issuer;
    private final String clientId;
    private final SigningKeys keys;
    private final ProviderSettings settings;

    LogoutTokens(String issuer, String clientId, SigningKeys keys, ProviderSettings settings) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = keys;
        this.settings = settings;
    }

    /** The claims of a valid logout token for this user's session (either may be null), issued now with a fresh jti. */
    public JWTClaimsSet.Builder claims(String subject, String sid) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(clientId))
                .issueTime(Date.from(settings.now()))
                .expirationTime(Date.from(settings.now().plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(EVENT, Map.of()));
        if (subject != null) {
            claims.subject(subject);
        }
        if (sid != null) {
            claims.claim("sid", sid);
        }
        return claims;
    }

    /** A valid logout token for the session {@code sid} of {@code subject}. */
    public String valid(String subject, String sid) {
        return sign(claims(subject, sid));
    }

    /** The claims signed like a real logout token. */
    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, Signing.RS256, LOGOUT_JWT);
    }

    /** The claims signed as told, with this {@code typ} (null: none). */
    public String sign(JWTClaimsSet.Builder claims, Signing signing, JOSEObjectType type) {
        RSAKey current = keys.current();
        JWTClaimsSet set = claims.build();
        try {
            String token = switch (signing) {
                case RS256 -> IdTokenMinter.signed(JWSAlgorithm.RS256, current.getKeyID(), type,
                        new RSASSASigner(current), set);
                case ALG_NONE -> new PlainJWT(set).serialize();
                case HS256_WITH_PUBLIC_KEY -> IdTokenMinter.signed(JWSAlgorithm.HS256, current.getKeyID(), type,
                        new MACSigner(IdTokenMinter.pem(current).getBytes(StandardCharsets.US_ASCII)), set);
                case BAD_SIGNATURE -> IdTokenMinter.signed(JWSAlgorithm.RS256, current.getKeyID(), type,
                        new RSASSASigner(keys.rogueWithCurrentKid()), set);
                case UNKNOWN_KID -> IdTokenMinter.signed(JWSAlgorithm.RS256, keys.unpublished().getKeyID(), type,
                        new RSASSASigner(keys.unpublished()), set);
            };
            SecretLedger.secret(token);
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the logout token", e);
        }
    }
}
