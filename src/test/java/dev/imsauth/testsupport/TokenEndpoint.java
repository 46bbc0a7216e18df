package dev.imsauth.testsupport;

import dev.imsauth.testsupport.ProviderSettings.Switch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code POST /connect/token}: authorization_code (with PKCE), refresh_token and client_credentials. */
final class TokenEndpoint implements Endpoint {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Set<String> USER_SCOPES = Set.of("openid", "email", "profile", "organization");

    private final ProviderContext op;

    TokenEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        try {
            if (!request.method().equals("POST")) {
                throw new OAuthProblem(405, "invalid_request", "the token endpoint takes POST");
            }
            String contentType = request.header("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")) {
                throw OAuthProblem.invalidRequest("the body must be application/x-www-form-urlencoded");
            }
            Params form = new Params(request.form()).requireSingleValues(Set.of());
            ClientRegistry.Client client = op.clients().authenticate(request, form);
            Map<String, Object> body = switch (form.require("grant_type")) {
                case "authorization_code" -> authorizationCode(client, form);
                case "refresh_token" -> refresh(client, form);
                case "client_credentials" -> clientCredentials(client, form);
                default -> throw new OAuthProblem(400, "unsupported_grant_type", "unsupported grant_type");
            };
            return Reply.json(200, withFaults(body)).withHeader("Pragma", "no-cache");
        } catch (OAuthProblem problem) {
            return problem.toReply();
        }
    }

    private Map<String, Object> authorizationCode(ClientRegistry.Client client, Params form) {
        String code = form.require("code");
        GrantStore.CodeGrant grant = op.grants().redeemCode(code);
        if (grant == null) {
            throw OAuthProblem.invalidGrant("unknown or already used code");
        }
        if (!op.settings().now().isBefore(grant.expiresAt())) {
            throw OAuthProblem.invalidGrant("code expired");
        }
        if (!grant.clientId().equals(client.id())) {
            throw OAuthProblem.invalidGrant("code was issued to another client");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            throw OAuthProblem.invalidGrant("redirect_uri differs from the authorization request");
        }
        String verifier = form.get("code_verifier");
        if (verifier != null) {
            SecretLedger.secret(verifier);
        }
        if (op.faults().skipPkceCheck()) {
            return tokens(client, grant.user(), grant.scope(), grant.nonce(), grant.authTime(), newFamily(grant),
                    grant.nonce());
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()
                || !s256(verifier).equals(grant.codeChallenge())) {
            throw OAuthProblem.invalidGrant("code_verifier does not match the code_challenge");
        }
        return tokens(client, grant.user(), grant.scope(), grant.nonce(), grant.authTime(), newFamily(grant),
                grant.nonce());
    }

    /** A refresh-token family for a code exchange that grants offline_access; null (no refresh token) otherwise. */
    private String newFamily(GrantStore.CodeGrant grant) {
        return Params.hasScope(grant.scope(), "offline_access") ? op.grants().newFamily() : null;
    }

    private Map<String, Object> refresh(ClientRegistry.Client client, Params form) {
        if (op.faults().rejectRefreshTokens()) {
            throw OAuthProblem.invalidGrant("refresh token rejected");
        }
        String token = form.require("refresh_token");
        GrantStore.RefreshGrant grant = op.grants().refreshGrant(token);
        if (grant == null && op.faults().revokeFamilyOnReuse() && op.grants().revokeFamilyOfSpent(token)) {
            throw OAuthProblem.invalidGrant("refresh token already used; every token of its sign-in is revoked");
        }
        if (grant == null || !grant.clientId().equals(client.id())) {
            throw OAuthProblem.invalidGrant("unknown, revoked or foreign refresh token");
        }
        String scope = form.get("scope") == null ? grant.scope() : form.get("scope");
        if (!List.of(grant.scope().split(" ")).containsAll(List.of(scope.split(" ")))) {
            throw new OAuthProblem(400, "invalid_scope", "scope exceeds the original grant");
        }
        boolean rotate = op.faults().rotateRefreshTokens();
        if (rotate && !op.grants().retireRefreshToken(token, grant)) {
            throw OAuthProblem.invalidGrant("refresh token already used");
        }
        String nonce = op.settings().is(Switch.NONCE_IN_REFRESHED_ID_TOKEN) ? grant.nonce() : null;
        return tokens(client, grant.user(), scope, nonce, grant.authTime(), rotate ? grant.family() : null, grant.nonce());
    }

    private Map<String, Object> clientCredentials(ClientRegistry.Client client, Params form) {
        if (!client.confidential()) {
            throw new OAuthProblem(400, "unauthorized_client", "public clients cannot use client_credentials");
        }
        String scope = form.get("scope");
        if (scope != null && List.of(scope.trim().split(" +")).stream().anyMatch(USER_SCOPES::contains)) {
            throw new OAuthProblem(400, "invalid_scope", "user scopes are not allowed for client_credentials");
        }
        Instant expiry = op.settings().now().plus(op.settings().accessTokenLifetime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", op.grants().issueAccessToken(
                new GrantStore.AccessGrant(client.id(), null, scope, expiry)));
        body.put("token_type", "Bearer");
        body.put("expires_in", op.settings().accessTokenLifetime().toSeconds());
        if (scope != null) {
            body.put("scope", scope);
        }
        return body;
    }

    /**
     * Access token, ID token, and a new refresh token of {@code refreshFamily} (remembering the sign-in's nonce)
     * unless that is null.
     */
    private Map<String, Object> tokens(ClientRegistry.Client client, TestUser user, String requestedScope, String nonce,
                                       Instant authTime, String refreshFamily, String signInNonce) {
        String scope = requestedScope == null ? null : String.join(" ", List.of(requestedScope.trim().split(" +")).stream()
                .filter(s -> !op.faults().withheldScopes().contains(s)).toList());
        Instant expiry = op.settings().now().plus(op.settings().accessTokenLifetime());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", op.grants().issueAccessToken(
                new GrantStore.AccessGrant(client.id(), user, scope, expiry)));
        body.put("token_type", "Bearer");
        body.put("expires_in", op.settings().accessTokenLifetime().toSeconds());
        body.put("scope", scope);
        if (Params.hasScope(scope, "openid")) {
            body.put("id_token", op.minter().mint(client.id(), user, nonce, authTime));
        }
        if (refreshFamily != null) {
            body.put("refresh_token", op.grants().issueRefreshToken(
                    new GrantStore.RefreshGrant(client.id(), user, scope, authTime, refreshFamily, signInNonce)));
        }
        return body;
    }

    private Map<String, Object> withFaults(Map<String, Object> body) {
        ProviderFaults faults = op.faults();
        faults.tokenResponseFields().forEach((name, value) -> body.put(name, value.orElse(null)));
        if (faults.omitAccessToken()) {
            body.remove("access_token");
        }
        if (faults.omitExpiresIn()) {
            body.remove("expires_in");
        }
        if (faults.omitIdToken()) {
            body.remove("id_token");
        }
        if (faults.tokenType() != null) {
            body.put("token_type", faults.tokenType());
        }
        if (faults.omitTokenType()) {
            body.remove("token_type");
        }
        return body;
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
