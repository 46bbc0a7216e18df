package dev.imsauth.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The provider's RSA keys: the current signing key, the published set, and two rogue keys for faults. */
final class SigningKeys {

    private final String prefix = randomPrefix();
    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey current;
    private RSAKey rogue;
    private RSAKey unpublished;
    private ECKey unpublishedEc;

    SigningKeys() {
        rotate();
    }

    /** Makes a new key the signing key and publishes it; older keys stay in the list. Returns the new kid. */
    synchronized String rotate() {
        current = generate("key-" + prefix + "-" + (published.size() + 1));
        published.add(0, current);
        return current.getKeyID();
    }

    synchronized RSAKey current() {
        return current;
    }

    /** The public keys: all published ones, or only the current one. */
    synchronized JWKSet publicJwks(boolean includeRetired) {
        List<RSAKey> keys = includeRetired ? List.copyOf(published) : List.of(current);
        return new JWKSet(new ArrayList<>(keys)).toPublicJWKSet();
    }

    /** Another key's material, labelled with the current kid: its signatures must not verify. */
    synchronized RSAKey rogueWithCurrentKid() {
        if (rogue == null) {
            rogue = generate("rogue");
        }
        return new RSAKey.Builder(rogue).keyID(current.getKeyID()).build();
    }

    /** A key whose kid never appears in the JWKS. */
    synchronized RSAKey unpublished() {
        if (unpublished == null) {
            unpublished = generate("unpublished-" + prefix);
        }
        return unpublished;
    }

    /** An EC P-256 key that never appears in the JWKS. */
    synchronized ECKey unpublishedEc() {
        if (unpublishedEc == null) {
            try {
                unpublishedEc = new ECKeyGenerator(Curve.P_256).keyID("ec-" + prefix).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate an EC key", e);
            }
        }
        return unpublishedEc;
    }

    private static String randomPrefix() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
