package dev.imsauth.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Switches that make the test provider misbehave. Every setter returns {@code this}; {@link #reset()}
 * restores correct behaviour. Safe to change while requests run.
 *
 * <p>Transport faults ({@link #respond}, {@link #delay}, {@link #drip}, {@link #hugeBody}) work on
 * any path and combine (e.g. a delayed override); the endpoint-named methods are shorthands for them.
 * An overridden or huge response replaces the endpoint entirely: the request is recorded but not
 * processed (a code is not consumed).
 */
public final class ProviderFaults {

    /** Transport behaviour for one path. */
    record Delivery(Reply override, Duration delay, Duration drip, long hugeBytes) {
        static final Delivery NONE = new Delivery(null, Duration.ZERO, null, 0);
    }

    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<Object>> tokenResponseFields = new ConcurrentHashMap<>();
    private volatile String discoveryIssuer;
    private volatile String endpointBase;
    private volatile boolean omitEndSessionEndpoint;
    private volatile boolean omitRevocationEndpoint;
    private volatile boolean publishRetiredKeys;
    private volatile String authorizeError;
    private volatile String authorizeErrorDescription;
    private volatile String authorizeState;
    private volatile String authorizationResponseIss;
    private volatile boolean omitAuthorizationResponseIss;
    private volatile boolean omitAccessToken;
    private volatile boolean omitExpiresIn;
    private volatile boolean omitIdToken;
    private volatile String tokenType;
    private volatile boolean omitTokenType;
    private volatile boolean skipPkceCheck;
    private volatile boolean rotateRefreshTokens;
    private volatile boolean rejectRefreshTokens;
    private volatile boolean revokeFamilyOnReuse;
    private volatile java.util.Set<String> withheldScopes;
    private volatile Consumer<JWTClaimsSet.Builder> idTokenClaims;
    private volatile IdTokenSigning idTokenSigning;
    private volatile String userInfoSubject;

    ProviderFaults() {
        reset();
    }

    /** Back to a well-behaved provider. */
    public ProviderFaults reset() {
        deliveries.clear();
        tokenResponseFields.clear();
        discoveryIssuer = null;
        endpointBase = null;
        omitEndSessionEndpoint = false;
        omitRevocationEndpoint = false;
        publishRetiredKeys = true;
        authorizeError = null;
        authorizeErrorDescription = null;
        authorizeState = null;
        authorizationResponseIss = null;
        omitAuthorizationResponseIss = false;
        omitAccessToken = false;
        omitExpiresIn = false;
        omitIdToken = false;
        tokenType = null;
        omitTokenType = false;
        skipPkceCheck = false;
        rotateRefreshTokens = true;
        rejectRefreshTokens = false;
        revokeFamilyOnReuse = false;
        withheldScopes = java.util.Set.of();
        idTokenClaims = null;
        idTokenSigning = IdTokenSigning.RS256;
        userInfoSubject = null;
        return this;
    }

    // ---- transport, any path ----

    /** Answer {@code path} with this response instead of processing the request. */
    public ProviderFaults respond(String path, int status, String contentType, String body) {
        Reply reply = Reply.text(status, contentType, body);
        return update(path, d -> new Delivery(reply, d.delay(), d.drip(), d.hugeBytes()));
    }

    /** Wait this long before answering {@code path} (a hang, when longer than the client's timeout). */
    public ProviderFaults delay(String path, Duration delay) {
        return update(path, d -> new Delivery(d.override(), delay, d.drip(), d.hugeBytes()));
    }

    /** Send the body of {@code path}'s responses one byte at a time, {@code perByte} apart. */
    public ProviderFaults drip(String path, Duration perByte) {
        return update(path, d -> new Delivery(d.override(), d.delay(), perByte, d.hugeBytes()));
    }

    /**
     * Answer {@code path} with 200, {@code application/json} and {@code bytes} of streamed JSON-looking
     * filler that never closes (chunked, no Content-Length); the request is not processed.
     */
    public ProviderFaults hugeBody(String path, long bytes) {
        return update(path, d -> new Delivery(d.override(), d.delay(), d.drip(), bytes));
    }

    public ProviderFaults discoveryStatus(int status) {
        return respond(ProviderPaths.DISCOVERY, status, Reply.JSON, statusBody(status));
    }

    public ProviderFaults jwksStatus(int status) {
        return respond(ProviderPaths.JWKS, status, Reply.JSON, statusBody(status));
    }

    public ProviderFaults jwksDelay(Duration delay) {
        return delay(ProviderPaths.JWKS, delay);
    }

    /** E.g. {@code tokenResponse(200, "text/html", "<html>…")} or {@code (500, …)}. */
    public ProviderFaults tokenResponse(int status, String contentType, String body) {
        return respond(ProviderPaths.TOKEN, status, contentType, body);
    }

    public ProviderFaults tokenStatus(int status) {
        return respond(ProviderPaths.TOKEN, status, Reply.JSON, statusBody(status));
    }

    /** Answer the token endpoint with {@code status}, an OAuth error body and {@code Retry-After: retryAfter}. */
    public ProviderFaults tokenStatus(int status, String retryAfter) {
        Reply reply = Reply.text(status, Reply.JSON, statusBody(status)).withHeader("Retry-After", retryAfter);
        return update(ProviderPaths.TOKEN, d -> new Delivery(reply, d.delay(), d.drip(), d.hugeBytes()));
    }

    public ProviderFaults tokenDelay(Duration delay) {
        return delay(ProviderPaths.TOKEN, delay);
    }

    public ProviderFaults tokenDrip(Duration perByte) {
        return drip(ProviderPaths.TOKEN, perByte);
    }

    public ProviderFaults tokenHugeBody(long bytes) {
        return hugeBody(ProviderPaths.TOKEN, bytes);
    }

    public ProviderFaults userInfoStatus(int status) {
        return respond(ProviderPaths.USERINFO, status, Reply.JSON, statusBody(status));
    }

    public ProviderFaults revocationStatus(int status) {
        return respond(ProviderPaths.REVOCATION, status, Reply.JSON, statusBody(status));
    }

    // ---- discovery and keys ----

    /** Publish this {@code issuer} in the discovery document. */
    public ProviderFaults discoveryIssuer(String issuer) { discoveryIssuer = issuer; return this; }

    /** Advertise every endpoint under this base (e.g. {@code https://evil.example}) instead of the issuer. */
    public ProviderFaults endpointBase(String base) { endpointBase = base; return this; }

    public ProviderFaults omitEndSessionEndpoint(boolean omit) { omitEndSessionEndpoint = omit; return this; }

    public ProviderFaults omitRevocationEndpoint(boolean omit) { omitRevocationEndpoint = omit; return this; }

    /** {@code false}: the JWKS holds only the current key, so rotated-out keys vanish. */
    public ProviderFaults publishRetiredKeys(boolean publish) { publishRetiredKeys = publish; return this; }

    // ---- authorization response ----

    /** Redirect back with this error (e.g. access_denied) instead of a code; {@code null} to stop. */
    public ProviderFaults authorizeError(String error, String description) {
        authorizeError = error;
        authorizeErrorDescription = description;
        return this;
    }

    /** Send this state back instead of the one received. */
    public ProviderFaults authorizeState(String state) { authorizeState = state; return this; }

    /** Send {@code iss} with this (wrong) value, advertised or not. */
    public ProviderFaults authorizationResponseIss(String iss) { authorizationResponseIss = iss; return this; }

    /** Leave {@code iss} out although discovery advertises it. */
    public ProviderFaults omitAuthorizationResponseIss(boolean omit) { omitAuthorizationResponseIss = omit; return this; }

    // ---- token response ----

    /**
     * Put this value (any JSON: a Number such as {@code 1e19}, a String, a Boolean, a Map, or null) under
     * {@code name} in every successful token response, e.g. {@code tokenResponseField("expires_in", 3.5)}.
     */
    public ProviderFaults tokenResponseField(String name, Object value) {
        tokenResponseFields.put(name, java.util.Optional.ofNullable(value));
        return this;
    }

    public ProviderFaults omitAccessToken(boolean omit) { omitAccessToken = omit; return this; }

    public ProviderFaults omitExpiresIn(boolean omit) { omitExpiresIn = omit; return this; }

    public ProviderFaults omitIdToken(boolean omit) { omitIdToken = omit; return this; }

    /** Send this token_type (e.g. "mac") instead of "Bearer"; {@code null} for Bearer. */
    public ProviderFaults tokenType(String type) { tokenType = type; return this; }

    /** Leave token_type out of token responses. */
    public ProviderFaults omitTokenType(boolean omit) { omitTokenType = omit; return this; }

    /**
     * Redeem codes without checking code_verifier against the code_challenge: a provider without PKCE,
     * to show what stops an injected code when PKCE does not (the nonce).
     */
    public ProviderFaults skipPkceCheck(boolean skip) { skipPkceCheck = skip; return this; }

    /** {@code false}: a refresh keeps the old refresh token valid and returns none. Default true. */
    public ProviderFaults rotateRefreshTokens(boolean rotate) { rotateRefreshTokens = rotate; return this; }

    /**
     * {@code true}: a refresh token used again after it was rotated away (refused with invalid_grant in any
     * case) also revokes every refresh token of its sign-in, as providers with reuse detection do
     * (RFC 9700 §4.14.2). Default false, as IMS by default.
     */
    public ProviderFaults revokeFamilyOnReuse(boolean revoke) { revokeFamilyOnReuse = revoke; return this; }

    /** Answer every refresh_token grant with invalid_grant. */
    public ProviderFaults rejectRefreshTokens(boolean reject) { rejectRefreshTokens = reject; return this; }

    /** Grant every requested scope except these (the user declined them), in code and refresh grants. */
    public ProviderFaults withholdScopes(String... scopes) { withheldScopes = java.util.Set.of(scopes); return this; }

    // ---- ID token ----

    /** Runs on every ID token's claims after they are built and before signing; {@code null} to stop. */
    public ProviderFaults idTokenClaims(Consumer<JWTClaimsSet.Builder> tamper) { idTokenClaims = tamper; return this; }

    public ProviderFaults idTokenSigning(IdTokenSigning signing) {
        idTokenSigning = Objects.requireNonNull(signing);
        return this;
    }

    // ---- userinfo ----

    /** Answer userinfo with this {@code sub} instead of the user's. */
    public ProviderFaults userInfoSubject(String subject) { userInfoSubject = subject; return this; }

    // ---- package-private reads ----

    Delivery delivery(String path) { return deliveries.getOrDefault(path, Delivery.NONE); }
    String discoveryIssuer() { return discoveryIssuer; }
    String endpointBase() { return endpointBase; }
    boolean omitEndSessionEndpoint() { return omitEndSessionEndpoint; }
    boolean omitRevocationEndpoint() { return omitRevocationEndpoint; }
    boolean publishRetiredKeys() { return publishRetiredKeys; }
    String authorizeError() { return authorizeError; }
    String authorizeErrorDescription() { return authorizeErrorDescription; }
    String authorizeState() { return authorizeState; }
    String authorizationResponseIss() { return authorizationResponseIss; }
    boolean omitAuthorizationResponseIss() { return omitAuthorizationResponseIss; }
    Map<String, java.util.Optional<Object>> tokenResponseFields() { return Map.copyOf(tokenResponseFields); }
    boolean omitAccessToken() { return omitAccessToken; }
    boolean omitExpiresIn() { return omitExpiresIn; }
    boolean omitIdToken() { return omitIdToken; }
    String tokenType() { return tokenType; }
    boolean omitTokenType() { return omitTokenType; }
    boolean skipPkceCheck() { return skipPkceCheck; }
    boolean rotateRefreshTokens() { return rotateRefreshTokens; }
    boolean rejectRefreshTokens() { return rejectRefreshTokens; }
    boolean revokeFamilyOnReuse() { return revokeFamilyOnReuse; }
    java.util.Set<String> withheldScopes() { return withheldScopes; }
    Consumer<JWTClaimsSet.Builder> idTokenClaims() { return idTokenClaims; }
    IdTokenSigning idTokenSigning() { return idTokenSigning; }
    String userInfoSubject() { return userInfoSubject; }

    private ProviderFaults update(String path, UnaryOperator<Delivery> change) {
        deliveries.compute(path, (p, d) -> change.apply(d == null ? Delivery.NONE : d));
        return this;
    }

    private static String statusBody(int status) {
        String error = status >= 500 ? "server_error" : status == 401 ? "invalid_token" : "invalid_request";
        return "{\"error\":\"" + error + "\"}";
    }
}
