package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nimbus's {@link JWSVerificationKeySelector} (same algorithm allow-list, same key matching), except that
 * the Java public key made from a JWK is kept instead of being rebuilt for every token: Nimbus decodes the
 * modulus and runs a {@code KeyFactory} on each verification, which was a tenth of a callback's CPU time
 * (measured again with Nimbus 10.10 on 2026-11-30, thread CPU time per key selection: about 4 µs rebuilt,
 * 0.3 µs kept, against 40 µs for the RS256 check itself).
 * Keys are remembered by the identity of the JWK object the cached key set holds ({@link ProviderSigningKeys}), so a re-fetched key
 * set is converted afresh. Only public keys are ever returned (the allow-list admits no HMAC algorithm).
 */
final class CachedKeySelector extends JWSVerificationKeySelector<SecurityContext> {
    private static final int MAX_KEYS = 16;
    private volatile Converted[] converted = new Converted[0];

    CachedKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
        super(algorithms, source);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!isAllowed(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        List<JWK> matches = getJWKSource().get(new JWKSelector(matcher), context);
        List<Key> keys = new ArrayList<>(matches.size());
        for (JWK jwk : matches) {
            PublicKey key = publicKey(jwk);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private PublicKey publicKey(JWK jwk) {
        Converted[] known = converted;
        for (Converted c : known) {
            if (c.jwk == jwk) {
                return c.key;
            }
        }
        if (!(jwk instanceof AsymmetricJWK asymmetric)) {
            return null;
        }
        PublicKey key;
        try {
            key = asymmetric.toPublicKey();
        } catch (JOSEException e) {
            return null;
        }
        remember(new Converted(jwk, key));
        return key;
    }

    private synchronized void remember(Converted c) {
        Converted[] known = converted;
        Converted[] next;
        if (known.length >= MAX_KEYS) {
            next = new Converted[] {c};
        } else {
            next = java.util.Arrays.copyOf(known, known.length + 1);
            next[known.length] = c;
        }
        converted = next;
    }

    private record Converted(JWK jwk, PublicKey key) {
    }
}
