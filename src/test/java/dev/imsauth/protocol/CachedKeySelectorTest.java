package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachedKeySelectorTest {
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JWKSource<SecurityContext> source = (selector, context) -> selector.select(published.get());
    private final CachedKeySelector selector = new CachedKeySelector(Set.of(JWSAlgorithm.RS256), source);

    @Test
    void convertsAPublishedKeyOnceAndReusesIt() throws Exception {
        RSAKey key = rsa("k1");
        published.set(new JWKSet(key.toPublicJWK()));

        List<Key> first = selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k1"), null);
        List<Key> second = selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k1"), null);

        assertThat(first).hasSize(1);
        assertThat(first.get(0)).isEqualTo(key.toPublicKey());
        assertThat(second.get(0)).isSameAs(first.get(0));
    }

    @Test
    void usesTheNewKeysAfterTheSetIsReplaced() throws Exception {
        RSAKey old = rsa("k1");
        published.set(new JWKSet(old.toPublicJWK()));
        selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k1"), null);

        RSAKey rotated = rsa("k1");
        published.set(new JWKSet(rotated.toPublicJWK()));

        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k1"), null))
                .containsExactly(rotated.toPublicKey());
    }

    @Test
    void selectsNothingForAnotherKidOrAnAlgorithmOutsideTheAllowList() throws Exception {
        published.set(new JWKSet(rsa("k1").toPublicJWK()));

        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k2"), null)).isEmpty();
        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.HS256, "k1"), null)).isEmpty();
        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS512, "k1"), null)).isEmpty();
    }

    @Test
    void keepsWorkingWhenMoreKeysPassThroughThanItRemembers() throws Exception {
        for (int i = 0; i < 18; i++) {
            RSAKey key = rsa("k" + i);
            published.set(new JWKSet(key.toPublicJWK()));
            assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, "k" + i), null)).containsExactly(key.toPublicKey());
        }
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).keyID(kid).build();
    }

    private static RSAKey rsa(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }
}
