package dev.imsauth.testsupport;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issued authorization codes, access tokens and refresh tokens, keyed by their random values. */
final class GrantStore {

    /** What a code was issued for; the token request must match it. */
    record CodeGrant(String clientId, String redirectUri, String codeChallenge, String nonce, String scope,
                     TestUser user, Instant authTime, Instant expiresAt) {
    }

    /** An access token; {@code user} is null for client credentials. */
    record AccessGrant(String clientId, TestUser user, String scope, Instant expiresAt) {
    }

    /**
     * {@code family}: the sign-in the refresh token descends from, the same across rotations; {@code nonce}: the
     * sign-in's, which a refreshed ID token may repeat.
     */
    record RefreshGrant(String clientId, TestUser user, String scope, Instant authTime, String family, String nonce) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> retiredRefreshTokens = new ConcurrentHashMap<>();

    String issueCode(CodeGrant grant) {
        return store(codes, grant);
    }

    /** Removes the code whatever happens next: a code is good for one attempt. {@code null} if unknown. */
    CodeGrant redeemCode(String code) {
        return codes.remove(code);
    }

    String issueAccessToken(AccessGrant grant) {
        return store(accessTokens, grant);
    }

    AccessGrant accessGrant(String token) {
        return accessTokens.get(token);
    }

    String issueRefreshToken(RefreshGrant grant) {
        return store(refreshTokens, grant);
    }

    RefreshGrant refreshGrant(String token) {
        return refreshTokens.get(token);
    }

    /** Atomically retires a refresh token; false when another request got there first. */
    boolean retireRefreshToken(String token, RefreshGrant grant) {
        boolean retired = refreshTokens.remove(token, grant);
        if (retired) {
            retiredRefreshTokens.put(token, grant.family());
        }
        return retired;
    }

    /**
     * When {@code token} is a refresh token already rotated away, revokes every live refresh token of its
     * family (reuse detection, RFC 9700 §4.14.2) and returns true; false for any other token.
     */
    boolean revokeFamilyOfSpent(String token) {
        String family = retiredRefreshTokens.get(token);
        if (family == null) {
            return false;
        }
        refreshTokens.entrySet().removeIf(e -> e.getValue().family().equals(family));
        return true;
    }

    /** A new family id for a refresh token issued by a code exchange. */
    String newFamily() {
        return randomValue();
    }


    /** Revokes an access or refresh token issued to {@code clientId}; other clients' tokens stay. */
    void revoke(String token, String clientId) {
        RefreshGrant refresh = refreshTokens.get(token);
        if (refresh != null && refresh.clientId().equals(clientId)) {
            refreshTokens.remove(token, refresh);
        }
        AccessGrant access = accessTokens.get(token);
        if (access != null && access.clientId().equals(clientId)) {
            accessTokens.remove(token, access);
        }
    }

    private <T> String store(Map<String, T> map, T grant) {
        String value = randomValue();
        SecretLedger.secret(value);
        map.put(value, grant);
        return value;
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
