package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.imsauth.config.ProviderSettings;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates logout tokens as OIDC Back-Channel Logout 1.0 §2.6 says: a signed JWT (never {@code none}, never
 * HMAC) with a key from the provider's JWKS and an algorithm from {@code ims.id-token-algorithms}; {@code typ}
 * {@code logout+jwt} when present; {@code iss} the provider; {@code aud} naming this client; {@code iat} no
 * older than {@link #MAX_AGE} and not in the future (both with {@code ims.clock-skew}); {@code exp}, when
 * present, not passed; {@code jti} present and not seen before on this node; {@code events} an object with
 * the back-channel-logout member whose value is an object; {@code sid} and/or {@code sub}; no {@code nonce}.
 * Sizes are bounded. Times are judged on the application's {@link Clock}.
 */
final class LogoutTokenVerifier {
    static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** A logout token is a few hundred bytes; anything near this is not one. */
    static final int MAX_TOKEN_CHARS = 8192;
    /** The oldest logout token accepted (plus the clock skew); a token lives this long in the replay record. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final int MAX_ID_CHARS = 255;
    private static final int MAX_EVENTS = 8;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final Clock clock;
    private final SeenTokenIds seen;

    LogoutTokenVerifier(ProviderSettings config, ProviderMetadata metadata, ProviderHttp http, Clock clock) {
        this(config, metadata, http, clock, new ProviderStatus());
    }

    LogoutTokenVerifier(ProviderSettings config, ProviderMetadata metadata, ProviderHttp http, Clock clock, ProviderStatus status) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        config.idTokenAlgorithms().forEach(a -> algorithms.add(JWSAlgorithm.parse(a)));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt"), null));
        processor.setJWSKeySelector(ProviderSigningKeys.selector(algorithms, metadata.jwksUri(), config, http, clock,
                status));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // checked below, on our clock
        this.issuer = metadata.issuer();
        this.clientId = config.clientId();
        this.skew = config.clockSkew();
        this.clock = clock;
        this.seen = new SeenTokenIds(clock);
    }

    LogoutNotice verify(String token) {
        if (token == null || token.isEmpty()) {
            throw fail("there is no logout_token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw fail("it is larger than " + MAX_TOKEN_CHARS + " characters");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw fail("it is not a JWT");
        }
        if (!(jwt instanceof SignedJWT)) {
            throw fail("it is not signed");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw fail("it is not signed by a key of the provider with an allowed algorithm, or its typ is not "
                    + "logout+jwt");
        }
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw fail("its iss is not the provider's issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw fail("its aud does not name this application");
        }
        Instant issuedAt = checkTimes(claims, now);
        String jti = boundedString(claims, "jti");
        if (jti == null) {
            throw fail("it has no jti");
        }
        checkEvents(claims);
        if (claims.getClaim("nonce") != null) {
            throw fail("it carries a nonce (which a logout token must not)");
        }
        Optional<String> sid = Optional.ofNullable(boundedString(claims, "sid"));
        Optional<String> sub = Optional.ofNullable(boundedString(claims, "sub"));
        if (sid.isEmpty() && sub.isEmpty()) {
            throw fail("it names neither a sid nor a sub");
        }
        if (!seen.firstUse(jti, issuedAt.plus(MAX_AGE).plus(skew).plus(skew))) {
            throw fail("its jti was already used (a replay)");
        }
        return new LogoutNotice(sid, sub, issuedAt);
    }

    private Instant checkTimes(JWTClaimsSet claims, Instant now) {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw fail("it has no iat");
        }
        Instant issued = iat.toInstant();
        if (issued.isAfter(now.plus(skew))) {
            throw fail("it was issued in the future (iat)");
        }
        if (issued.isBefore(now.minus(MAX_AGE).minus(skew))) {
            throw fail("it was issued too long ago (iat older than " + MAX_AGE.toMinutes() + " minutes)");
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && now.isAfter(exp.toInstant().plus(skew))) {
            throw fail("it has expired (exp)");
        }
        return issued;
    }

    private static void checkEvents(JWTClaimsSet claims) {
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            throw fail("its events is not a JSON object");
        }
        if (events == null) {
            throw fail("it has no events");
        }
        if (events.size() > MAX_EVENTS || !(events.get(BACKCHANNEL_EVENT) instanceof Map<?, ?>)) {
            throw fail("its events do not hold the back-channel logout event as an object");
        }
    }

    private static String boundedString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_ID_CHARS) {
            throw fail("its " + name + " is not a string of 1 to " + MAX_ID_CHARS + " characters");
        }
        return s;
    }

    private static LogoutTokenInvalidException fail(String why) {
        return new LogoutTokenInvalidException("The logout token was rejected: " + why);
    }
}
