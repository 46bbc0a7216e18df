package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.imsauth.config.ImsAuthConfig;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Verifies ID tokens with Nimbus's {@link IDTokenValidator}, built once and reused: signature with a key
 * from the provider's JWKS, algorithm in the allow-list (never {@code none} or HMAC, so a token MACed
 * with the public key is refused), and iss, aud, azp, exp, iat, sub and the nonce.
 */
final class IdTokenVerifier {
    private final IDTokenValidator validator;
    private final String clientId;

    IdTokenVerifier(ImsAuthConfig config, ProviderMetadata metadata, ProviderHttp http, Clock clock) {
        Set<JWSAlgorithm> algs = new HashSet<>();
        for (String alg : config.idTokenAlgorithms()) {
            if (metadata.idTokenAlgorithms().isEmpty() || metadata.idTokenAlgorithms().contains(alg)) {
                algs.add(JWSAlgorithm.parse(alg));
            }
        }
        JwksCache keys = new JwksCache(metadata.jwksUri(), http, clock, config.jwksRefreshInterval());
        this.validator = new IDTokenValidator(new Issuer(metadata.issuer()), new ClientID(config.clientId()),
                new JWSVerificationKeySelector<SecurityContext>(algs, keys), null);
        this.validator.setMaxClockSkew((int) config.clockSkew().toSeconds());
        this.clientId = config.clientId();
    }

    /**
     * Verifies a token.
     *
     * @param idToken       the compact serialisation
     * @param expectedNonce the nonce sent in the authorization request, or null after a refresh (none expected)
     */
    IDTokenClaimsSet verify(String idToken, String expectedNonce) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new IdTokenInvalidException("The ID token is not a JWT", null);
        }
        try {
            IDTokenClaimsSet claims = validator.validate(jwt, expectedNonce == null ? null : new Nonce(expectedNonce));
            if (expectedNonce == null && claims.getNonce() != null) {
                // a refreshed ID token carries no nonce of ours; one that does is replayed from a sign-in
                throw new IdTokenInvalidException("The refreshed ID token carries a nonce", null);
            }
            if (claims.getAudience().size() > 1 && claims.getAuthorizedParty() == null) {
                throw new IdTokenInvalidException("The ID token has several audiences but no azp", null);
            }
            return claims;
        } catch (KeySourceException e) {
            throw ProviderException.error("The provider's signing keys could not be loaded", null);
        } catch (BadJOSEException e) {
            throw new IdTokenInvalidException("The ID token was rejected: " + e.getMessage(), null);
        } catch (JOSEException e) {
            throw new IdTokenInvalidException("The ID token could not be verified", null);
        }
    }

    String clientId() {
        return clientId;
    }
}
