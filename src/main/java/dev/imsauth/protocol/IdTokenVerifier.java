package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.DefaultJOSEProcessor;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;
import dev.imsauth.config.ProviderSettings;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * Verifies ID tokens: the signature with a key from the provider's JWKS and an algorithm from the
 * allow-list (configured ∩ advertised; never {@code none} or HMAC, so a token MACed with the public key
 * is refused) through one reusable Nimbus {@link DefaultJOSEProcessor}, then the claims with
 * {@link IdTokenClaimsCheck} on the application's clock. (Nimbus's own claim verifiers read the machine
 * clock, which an injected {@link Clock} could not move.)
 *
 * <p>The payload is decoded and parsed once, here: the JOSE processor checks the type and the signature
 * without reading the claims, and the claim checks need the payload as the provider wrote it (numbers not
 * yet turned into dates) as well as Nimbus's {@link JWTClaimsSet} of it. A signed JWT would decode its payload
 * again for each of those (with Nimbus's constant-time Base64, the biggest cost of a callback after the RSA
 * check).
 */
final class IdTokenVerifier {
    private final DefaultJOSEProcessor<SecurityContext> processor = new DefaultJOSEProcessor<>();
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
        this.claimsCheck = new IdTokenClaimsCheck(metadata.issuer(), config.clientId(), config.clockSkew(), clock);
    }

    /**
     * Verifies the ID token of a token response, read once as a JWS by the response's parser: the signature, the
     * claims (see {@link IdTokenClaimsCheck}) and, when the token carries {@code at_hash}, that it matches the
     * access token.
     *
     * @param expectedNonce the nonce sent in the authorization request
     * @param refreshed     true for a token issued on refresh: the nonce may then be absent and, when present, must
     *                      be the sign-in's ({@code expectedNonce}, null if unknown: then none is accepted)
     */
    IDTokenClaimsSet verify(TokenEndpointClient.TokenResult result, String expectedNonce, boolean refreshed) {
        JWSObject jws = result.parsedIdToken() != null ? result.parsedIdToken() : parse(result.idToken());
        return verify(jws, expectedNonce, refreshed, result.accessToken());
    }

    /** OIDC Core 12.2: a refreshed ID token keeps the sub, iss and aud of the one from the sign-in. */
    static void checkSameIdentity(UserClaims original, IDTokenClaimsSet fresh) {
        if (!fresh.getSubject().getValue().equals(original.subject())) {
            throw new IdTokenInvalidException("The refreshed ID token names another subject", null);
        }
        if (original.string("iss").isPresent() && !original.string("iss").get().equals(fresh.getIssuer().getValue())) {
            throw new IdTokenInvalidException("The refreshed ID token names another issuer", null);
        }
        List<String> audience = fresh.getAudience().stream().map(a -> a.getValue()).sorted().toList();
        List<String> before = original.strings("aud").stream().sorted().toList();
        if (!before.isEmpty() && !before.equals(audience)) {
            throw new IdTokenInvalidException("The refreshed ID token names another audience", null);
        }
    }

    private IDTokenClaimsSet verify(JWSObject jws, String nonce, boolean refreshed, String accessToken) {
        if (jws.getHeader().getCriticalParams() != null && !jws.getHeader().getCriticalParams().isEmpty()) {
            // RFC 7515 §4.1.11: extensions this application does not understand make the token unusable
            throw new IdTokenInvalidException("The ID token was rejected: its header marks extensions as critical "
                    + "(crit) that this application does not understand", null);
        }
        Map<String, Object> payload;
        JWTClaimsSet claims;
        try {
            payload = JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(jws.getParsedParts()[1].toString()),
                    StandardCharsets.UTF_8));
            claims = JWTClaimsSet.parse(payload);
        } catch (ParseException | RuntimeException e) {
            throw new IdTokenInvalidException("The ID token was rejected: its claims are malformed", null);
        }
        try {
            processor.process(jws, null);
        } catch (KeySourceException e) {
            throw ProviderException.error("The provider's signing keys could not be loaded", null);
        } catch (BadJOSEException | JOSEException e) {
            throw notSigned();
        }
        IDTokenClaimsSet verified = checkClaims(claims, payload, nonce, refreshed);
        if (accessToken != null && verified.getAccessTokenHash() != null) {
            checkAccessTokenHash(verified, jws.getHeader().getAlgorithm(), accessToken);
        }
        return verified;
    }

    /** OIDC Core 3.1.3.8: the ID token's at_hash matches the access token issued with it. */
    private static void checkAccessTokenHash(IDTokenClaimsSet claims, JWSAlgorithm alg, String accessToken) {
        try {
            AccessTokenValidator.validate(new BearerAccessToken(accessToken), alg, claims.getAccessTokenHash());
        } catch (InvalidHashException | RuntimeException e) {
            throw new IdTokenInvalidException("The ID token's at_hash does not match the access token", null);
        }
    }

    /**
     * The token as a JWS. A well-formed JWT that is not one (unsecured, or encrypted) is refused as not signed
     * by the provider; anything else as not a JWT.
     */
    private JWSObject parse(String idToken) {
        try {
            return JWSObject.parse(idToken);
        } catch (ParseException notJws) {
            try {
                JWTParser.parse(idToken);
            } catch (ParseException notJwt) {
                throw new IdTokenInvalidException("The ID token is not a JWT", null);
            }
            throw notSigned();
        }
    }

    private IdTokenInvalidException notSigned() {
        return new IdTokenInvalidException("The ID token was rejected: it is not signed by a key of the provider "
                + "with an allowed algorithm (" + algorithms + ")", null);
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
            // what new IDTokenClaimsSet(claims) builds, from the payload as written (its dates still numbers), without
            // the round trip through a JSON string
            return IDTokenClaimsSet.parse(new JSONObject(payload));
        } catch (com.nimbusds.oauth2.sdk.ParseException | RuntimeException e) {
            if (e instanceof IdTokenInvalidException invalid) {
                throw invalid;
            }
            throw new IdTokenInvalidException("The ID token was rejected: its claims are malformed", null);
        }
    }
}
