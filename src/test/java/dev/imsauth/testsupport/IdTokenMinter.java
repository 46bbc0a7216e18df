package dev.imsauth.testsupport;

import dev.imsauth.testsupport.ProviderSettings.Switch;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/** Builds and signs ID tokens, applying the ID-token faults after the claims are built. */
final class IdTokenMinter {

    private final String issuer;
    private final SigningKeys keys;
    private final ProviderFaults faults;
    private final ProviderSettings settings;
    private final ProviderSessions sessions;

    IdTokenMinter(String issuer, SigningKeys keys, ProviderFaults faults, ProviderSettings settings,
                  ProviderSessions sessions) {
        this.issuer = issuer;
        this.keys = keys;
        this.faults = faults;
        this.settings = settings;
        this.sessions = sessions;
    }

    ProviderSessions sessions() {
        return sessions;
    }

    /** An ID token for {@code user}, issued to {@code clientId}; {@code nonce} may be null (refresh). */
    String mint(String clientId, TestUser user, String nonce, Instant authTime) {
        Instant now = settings.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        if (!settings.is(Switch.CLAIMS_ONLY_FROM_USERINFO)) {
            user.claims().forEach(claims::claim);
        }
        claims.issuer(issuer)
                .subject(user.subject())
                .audience(List.of(clientId))
                .claim("azp", clientId)
                .expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
                .issueTime(Date.from(now))
                .claim("auth_time", authTime.getEpochSecond())
                .claim("sid", sessions.sidOf(user.subject()));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        Consumer<JWTClaimsSet.Builder> tamper = faults.idTokenClaims();
        if (tamper != null) {
            tamper.accept(claims);
        }
        String token = sign(claims.build());
        SecretLedger.secret(token);
        return token;
    }

    private String sign(JWTClaimsSet claims) {
        RSAKey current = keys.current();
        try {
            return switch (faults.idTokenSigning()) {
                case RS256 -> rsa(JWSAlgorithm.RS256, current, current.getKeyID(), claims);
                case ALG_NONE -> new PlainJWT(claims).serialize();
                case BAD_SIGNATURE -> rsa(JWSAlgorithm.RS256, keys.rogueWithCurrentKid(), current.getKeyID(), claims);
                case HS256_WITH_PUBLIC_KEY -> signed(JWSAlgorithm.HS256, current.getKeyID(),
                        new MACSigner(pem(current).getBytes(StandardCharsets.US_ASCII)), claims);
                case RS512 -> rsa(JWSAlgorithm.RS512, current, current.getKeyID(), claims);
                case NO_KID -> rsa(JWSAlgorithm.RS256, current, null, claims);
                case UNKNOWN_KID -> rsa(JWSAlgorithm.RS256, keys.unpublished(), keys.unpublished().getKeyID(), claims);
                case FLIPPED_SIGNATURE_BYTE -> flipSignatureByte(rsa(JWSAlgorithm.RS256, current, current.getKeyID(), claims));
                case PS256 -> rsa(JWSAlgorithm.PS256, current, current.getKeyID(), claims);
                case ES256_UNPUBLISHED_KEY -> signed(JWSAlgorithm.ES256, current.getKeyID(),
                        new ECDSASigner(keys.unpublishedEc()), claims);
                case HS256_WITH_GUESSED_SECRET -> signed(JWSAlgorithm.HS256, null,
                        new MACSigner("a-secret-the-relying-party-never-shared-0123456789"), claims);
                case HS256_WITH_PUBLIC_JWK -> signed(JWSAlgorithm.HS256, current.getKeyID(),
                        new MACSigner(current.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)), claims);
                case CRIT_HEADER -> signed(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(current.getKeyID())
                        .type(JOSEObjectType.JWT).criticalParams(java.util.Set.of("urn:example:bound-to"))
                        .customParam("urn:example:bound-to", "device-1").build(), new RSASSASigner(current), claims);
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the ID token", e);
        }
    }

    private static String rsa(JWSAlgorithm alg, RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
        return signed(alg, kid, new RSASSASigner(key), claims);
    }

    private static String signed(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims)
            throws JOSEException {
        return signed(alg, kid, JOSEObjectType.JWT, signer, claims);
    }

    /** A JWS with this header; {@code type} null leaves typ out. */
    static String signed(JWSAlgorithm alg, String kid, JOSEObjectType type, JWSSigner signer, JWTClaimsSet claims)
            throws JOSEException {
        return signed(new JWSHeader.Builder(alg).keyID(kid).type(type).build(), signer, claims);
    }

    private static String signed(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Flips one bit in the middle of the signature part, keeping the token well-formed. */
    private static String flipSignatureByte(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        sig[sig.length / 2] ^= 0x01;
        return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    /** The public key as PEM text, the bytes an HS256 alg-confusion attack MACs with. */
    static String pem(RSAKey key) throws JOSEException {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
