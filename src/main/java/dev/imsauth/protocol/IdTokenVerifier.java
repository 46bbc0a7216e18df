package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.imsauth.config.ProviderSettings;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Verifies ID tokens: the signature with a key from the provider's JWKS and an algorithm from the
 * allow-list (configured ∩ advertised; never {@code none} or HMAC, so a token MACed with the public key
 * is refused) through one reusable Nimbus {@link DefaultJWTProcessor}, then the claims with
 * {@link IdTokenClaimsCheck} on the application's clock. (Nimbus's own claim verifiers read the machine
 * clock, which an injected {@link Clock} could not move.)
 */
final class IdTokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final IdTokenClaimsCheck claimsCheck;
    private final Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();

    IdTokenVerifier(ProviderSettings config, ProviderMetadata metadata, ProviderHttp http, Clock clock) {
        this(config, metadata, http, clock, new ProviderStatus());
    }

    IdTokenVerifier(ProviderSettings config, ProviderMetadata metadata, ProviderHttp http, Clock clock, ProviderStatus status) {
        for (String alg : config.idTokenAlgorithms()) {
            if (metadata.idTokenAlgorithms().isEmpty() || metadata.idTokenAlgorithms().contains(alg)) {
                algorithms.add(JWSAlgorithm.parse(alg));
            }
        }
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(ProviderSigningKeys.selector(algorithms, metadata.jwksUri(), config, http, clock,
                status));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // claims are checked below, on our clock
        this.claimsCheck = new IdTokenClaimsCheck(metadata.issuer(), config.clientId(), config.clockSkew(), clock);
    }

    /**
     * Verifies the ID token of a sign-in.
     *
     * @param idToken       the compact serialisation
     * @param expectedNonce the nonce sent in the authorization request
     */
    IDTokenClaimsSet verify(String idToken, String expectedNonce) {
        return verify(idToken, expectedNonce, false);
    }

    /**
     * Verifies an ID token issued on refresh: like a sign-in's, except that the nonce may be absent and, when
     * present, must be the sign-in's ({@code originalNonce}, null if unknown: then none is accepted).
     */
    IDTokenClaimsSet verifyRefreshed(String idToken, String originalNonce) {
        return verify(idToken, originalNonce, true);
    }

    private IDTokenClaimsSet verify(String idToken, String nonce, boolean refreshed) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new IdTokenInvalidException("The ID token is not a JWT", null);
        }
        if (jwt.getHeader().getCriticalParams() != null && !jwt.getHeader().getCriticalParams().isEmpty()) {
            // RFC 7515 §4.1.11: extensions this application does not understand make the token unusable
            throw new IdTokenInvalidException("The ID token was rejected: its header marks extensions as critical "
                    + "(crit) that this application does not understand", null);
        }
        JWTClaimsSet parsed;
        try {
            parsed = jwt.getJWTClaimsSet(); // parsed once: the processor below and the claim checks reuse it
        } catch (ParseException | RuntimeException e) {
            throw new IdTokenInvalidException("The ID token was rejected: its claims are malformed", null);
        }
        try {
            processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw ProviderException.error("The provider's signing keys could not be loaded", null);
        } catch (BadJOSEException | JOSEException e) {
            throw new IdTokenInvalidException("The ID token was rejected: it is not signed by a key of the provider "
                    + "with an allowed algorithm (" + algorithms + ")", null);
        }
        return checkClaims(parsed, rawPayload(jwt, parsed), nonce, refreshed);
    }

    /**
     * The claim checks of a token whose signature is verified, on its payload as the provider wrote it
     * (for {@link #verify}, and for tests that judge claims by the ten thousand without signing each).
     */
    IDTokenClaimsSet checkClaims(Map<String, Object> payload, String nonce, boolean refreshed) {
        JWTClaimsSet claims;
        try {
            claims = JWTClaimsSet.parse(payload);
        } catch (ParseException | RuntimeException e) {
            throw new IdTokenInvalidException("The ID token was rejected: its claims are malformed", null);
        }
        return checkClaims(claims, payload, nonce, refreshed);
    }

    private IDTokenClaimsSet checkClaims(JWTClaimsSet claims, Map<String, Object> payload, String nonce, boolean refreshed) {
        try {
            claimsCheck.verify(claims, payload, nonce, refreshed);
            // what new IDTokenClaimsSet(claims) builds, without its round trip through a JSON string
            return IDTokenClaimsSet.parse(new JSONObject(claims.toJSONObject()));
        } catch (com.nimbusds.oauth2.sdk.ParseException | RuntimeException e) {
            if (e instanceof IdTokenInvalidException invalid) {
                throw invalid;
            }
            throw new IdTokenInvalidException("The ID token was rejected: its claims are malformed", null);
        }
    }

    /** The payload as the provider wrote it (numbers not yet turned into dates), for the bounds checks. */
    private static Map<String, Object> rawPayload(JWT jwt, JWTClaimsSet parsed) {
        if (jwt instanceof JOSEObject jose && jose.getPayload() != null) {
            Map<String, Object> raw = jose.getPayload().toJSONObject();
            if (raw != null) {
                return raw;
            }
        }
        return parsed.toJSONObject();
    }
}
