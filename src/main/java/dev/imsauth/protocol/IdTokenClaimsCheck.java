package dev.imsauth.protocol;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claim checks of OIDC Core 3.1.3.7 on an ID token whose signature is already verified, judged by
 * the application's {@link Clock}: iss, sub, aud (this client and no other audience, as no other is
 * trusted), azp, exp and iat (required), nbf and auth_time (when present; every time bounded by
 * {@link ProviderBounds} first), and the nonce (the sign-in's; after a refresh absent or the sign-in's).
 * Messages name the claim,
 * never its value.
 */
final class IdTokenClaimsCheck {
    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final Clock clock;

    IdTokenClaimsCheck(String issuer, String clientId, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skew = skew;
        this.clock = clock;
    }

    /**
     * Throws {@link IdTokenInvalidException} unless every check passes.
     *
     * @param raw      the payload as the provider wrote it (numbers not yet turned into dates)
     * @param nonce    the nonce of the sign-in, or null when there was none
     * @param refreshed true for an ID token from a refresh: it may leave the nonce out, but one it carries must
     *                 be the sign-in's (OIDC Core §12.2); at a sign-in the nonce is required
     */
    void verify(JWTClaimsSet claims, Map<String, Object> raw, String nonce, boolean refreshed) {
        checkTypes(raw);
        if (!issuer.equals(claims.getIssuer())) {
            throw fail("its iss is not the provider's issuer");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw fail("it has no sub");
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw fail("its aud does not name this application");
        }
        if (audience.size() > 1) {
            throw fail("its aud also names audiences this application does not trust");
        }
        String azp = string(claims, "azp");
        if (azp != null && !azp.equals(clientId)) {
            throw fail("its azp names another client");
        }
        checkTimes(raw, clock.instant());
        if (refreshed) {
            checkRefreshedNonce(string(claims, "nonce"), nonce);
        } else {
            checkNonce(string(claims, "nonce"), nonce);
        }
    }

    /** exp, iat, nbf and auth_time, each read through {@link ProviderBounds#epochSecond} before any arithmetic. */
    private void checkTimes(Map<String, Object> raw, Instant now) {
        Instant exp = time(raw, "exp").orElseThrow(() -> fail("it has no exp"));
        Instant iat = time(raw, "iat").orElseThrow(() -> fail("it has no iat"));
        Optional<Instant> nbf = time(raw, "nbf");
        Optional<Instant> authTime = time(raw, "auth_time");
        Instant latest = ProviderBounds.plus(now, skew);
        if (now.isAfter(ProviderBounds.plus(exp, skew))) {
            throw fail("it has expired (exp)");
        }
        if (iat.isAfter(latest)) {
            throw fail("it was issued in the future (iat)");
        }
        if (nbf.isPresent() && nbf.get().isAfter(latest)) {
            throw fail("it is not valid yet (nbf)");
        }
        if (authTime.isPresent() && authTime.get().isAfter(latest)) {
            throw fail("the user authenticated in the future (auth_time)");
        }
    }

    /** iss, sub, azp and nonce are JSON strings, aud a string or an array of strings (Nimbus would turn 42 into "42"). */
    private static void checkTypes(Map<String, Object> raw) {
        for (String name : List.of("iss", "sub", "azp", "nonce")) {
            if (raw.get(name) != null && !(raw.get(name) instanceof String)) {
                throw fail("its " + name + " is not a string");
            }
        }
        Object aud = raw.get("aud");
        if (aud != null && !(aud instanceof String) && !(aud instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
            throw fail("its aud is neither a string nor an array of strings");
        }
    }

    private static Optional<Instant> time(Map<String, Object> raw, String name) {
        try {
            return ProviderBounds.epochSecond(raw.get(name));
        } catch (IllegalArgumentException e) {
            throw fail("its " + name + " is not a time between 1970 and 9999 (" + e.getMessage() + ")");
        }
    }

    private static void checkNonce(String actual, String expected) {
        if (actual == null) {
            throw fail("it has no nonce");
        }
        if (expected == null || !same(actual, expected)) {
            throw fail("its nonce is not the one this sign-in sent");
        }
    }

    /** OIDC Core §12.2: a refreshed ID token need not carry a nonce; if it does, it is the sign-in's. */
    private static void checkRefreshedNonce(String actual, String original) {
        if (actual != null && (original == null || !same(actual, original))) {
            // a nonce other than the sign-in's: an ID token replayed from another sign-in
            throw fail("a refreshed ID token carries a nonce other than the sign-in's");
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw fail("its " + name + " is not a string");
        }
    }

    private static IdTokenInvalidException fail(String why) {
        return new IdTokenInvalidException("The ID token was rejected: " + why, null);
    }
}
