package dev.imsauth.hardening;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.testsupport.ScriptedHttpClient;
import dev.imsauth.testsupport.ScriptedHttpClient.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider that lives in the test's memory: its discovery document, JWKS and token endpoint are
 * {@link ScriptedHttpClient} answers, its ID tokens RS256 (cheap to verify; each distinct token is signed
 * once), and the {@link OidcClient} under test runs on a fixed clock. For the property tests of {@link ProviderFuzzTest},
 * which need tens of thousands of provider answers without a socket each.
 */
final class InProcessProvider {
    static final String ISSUER = "https://op.example";
    static final String CLIENT_ID = "portal";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String TOKEN_PATH = "/connect/token";
    static final String JWKS_PATH = "/jwks";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    final RSAKey key;
    final RSAKey decoy;
    final RSAKey small;

    InProcessProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            decoy = new RSAKeyGenerator(2048).keyID("k1").generate();
            small = new RSAKeyGenerator(1024, true).keyID("k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImsAuthConfig config() {
        return ImsAuthConfig.builder().issuer(ISSUER).clientId(CLIENT_ID).redirectUri("https://app.example/signin-oidc")
                .build();
    }

    /** A well-behaved discovery document. */
    static Map<String, Object> discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", ISSUER);
        doc.put("authorization_endpoint", ISSUER + "/connect/authorize");
        doc.put("token_endpoint", ISSUER + TOKEN_PATH);
        doc.put("jwks_uri", ISSUER + JWKS_PATH);
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return doc;
    }

    /** The JWKS the provider publishes when it behaves. */
    Map<String, Object> jwks() {
        return Map.of("keys", List.of(key.toPublicJWK().toJSONObject()));
    }

    /** A scripted HTTP layer answering discovery and the JWKS as a well-behaved provider would. */
    ScriptedHttpClient http() {
        return new ScriptedHttpClient()
                .answer(DISCOVERY_PATH, Answer.json(200, JSONObjectUtils.toJSONString(discovery())))
                .answer(JWKS_PATH, Answer.json(200, JSONObjectUtils.toJSONString(jwks())));
    }

    /** A client on the fixed clock talking to {@code http}. */
    static OidcClient client(ScriptedHttpClient http) {
        ImsAuthConfig config = config();
        return new OidcClient(config.provider(), config.signIn(), http, CLOCK);
    }

    /** A sign-in started with {@code client}; its nonce is what a valid ID token carries. */
    static PendingLogin pending(OidcClient client) {
        return client.startLogin(URI.create("https://app.example/signin-oidc"), "/", List.of()).pending();
    }

    /** The callback of {@code pending} with a code. */
    static CallbackParameters callback(PendingLogin pending) {
        return CallbackParameters.of(Map.of("code", List.of("code-1"), "state", List.of(pending.state())));
    }

    /** Claims a valid ID token for this client carries at {@link #NOW}; nonce null for a refresh. */
    static Map<String, Object> validClaims(String nonce) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "alice");
        claims.put("aud", CLIENT_ID);
        claims.put("exp", NOW.getEpochSecond() + 600);
        claims.put("iat", NOW.getEpochSecond() - 5);
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return claims;
    }

    /** Signs {@code claims} (any JSON, written as given) under {@code header} (any JSON too) with the provider's key. */
    String sign(Map<String, Object> header, Map<String, Object> claims) {
        return sign(header, claims, key);
    }

    /** Signs with {@code signer}, e.g. the {@link #decoy} that shares the real key's kid. */
    static String sign(Map<String, Object> header, Map<String, Object> claims, RSAKey signer) {
        try {
            Base64URL h = Base64URL.encode(JSONObjectUtils.toJSONString(header).getBytes(StandardCharsets.UTF_8));
            Base64URL p = Base64URL.encode(JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8));
            byte[] input = (h + "." + p).getBytes(StandardCharsets.US_ASCII);
            Base64URL sig = new RSASSASigner(signer).sign(new JWSHeader(JWSAlgorithm.RS256), input);
            return h + "." + p + "." + sig;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the fuzz token", e);
        }
    }

    /** The usual header: RS256, the real kid, typ JWT. */
    static Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        h.put("kid", "k1");
        h.put("typ", "JWT");
        return h;
    }

    /** A successful token response around {@code idToken}. */
    static Map<String, Object> tokenResponse(String idToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", "at-" + Integer.toHexString(idToken.hashCode()));
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        body.put("refresh_token", "rt-1");
        body.put("id_token", idToken);
        return body;
    }
}
