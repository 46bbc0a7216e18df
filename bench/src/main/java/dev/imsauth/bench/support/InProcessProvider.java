package dev.imsauth.bench.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.imsauth.testsupport.ScriptedHttpClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * An OpenID provider that lives inside an {@link HttpClient}: discovery, JWKS and token responses are
 * canned strings handed to the library's own body subscriber, so a microbenchmark measures the
 * library's CPU work (request building, response parsing, RS256 verification) and no socket. The token
 * endpoint always answers with the same tokens, whose ID token carries {@link #NONCE}; the library does
 * not remember nonces, so every callback verifies it afresh. The answers are {@link ScriptedHttpClient}'s
 * (the library's test support), which also counts the calls per path.
 */
public final class InProcessProvider extends ScriptedHttpClient {
    public static final String ISSUER = "https://ims.bench.invalid";
    public static final String CLIENT_ID = "portal";
    public static final String NONCE = "bench-nonce-0123456789abcdefghijklmnopqrstuvwxyz";
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    public static final String JWKS = DISCOVERY + "/jwks";
    public static final String TOKEN = "/connect/token";

    private final RSAKey key;
    private final String idToken;

    public InProcessProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("bench-key-1").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        answer(DISCOVERY, Answer.json(200, discoveryDocument()));
        answer(JWKS, Answer.json(200, new JWKSet(key).toPublicJWKSet().toString()));
        idToken = mintIdToken(Instant.now());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", TypicalImsLogin.accessTokenLike(key));
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        body.put("scope", String.join(" ", TypicalImsLogin.SCOPES));
        body.put("id_token", idToken);
        body.put("refresh_token", TypicalImsLogin.opaque(43));
        answer(TOKEN, Answer.json(200, new JSONObject(body).toJSONString()));
    }

    /** The ID token every token response carries (for a baseline RS256 verification). */
    public String idToken() {
        return idToken;
    }

    /** The public signing key. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    private String mintIdToken(Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        TypicalImsLogin.userClaims().forEach(claims::claim);
        claims.issuer(ISSUER).audience(CLIENT_ID).claim("azp", CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("auth_time", now.getEpochSecond()).claim("nonce", NONCE);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String discoveryDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", ISSUER);
        doc.put("jwks_uri", ISSUER + JWKS);
        doc.put("authorization_endpoint", ISSUER + "/connect/authorize");
        doc.put("token_endpoint", ISSUER + TOKEN);
        doc.put("userinfo_endpoint", ISSUER + "/connect/userinfo");
        doc.put("end_session_endpoint", ISSUER + "/connect/endsession");
        doc.put("revocation_endpoint", ISSUER + "/connect/revocation");
        doc.put("scopes_supported", TypicalImsLogin.SCOPES);
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        return new JSONObject(doc).toJSONString();
    }
}
