package dev.imsauth.testsupport;

import java.util.Map;

/** {@code GET|POST /connect/userinfo}: the user's claims for a Bearer access token in the header. */
final class UserInfoEndpoint implements Endpoint {

    private final ProviderContext op;

    UserInfoEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Reply.json(401, Map.of()).withHeader("WWW-Authenticate", "Bearer realm=\"test-op\"");
        }
        GrantStore.AccessGrant grant = op.grants().accessGrant(authorization.substring(7).trim());
        if (grant == null || !op.settings().now().isBefore(grant.expiresAt())) {
            return Reply.json(401, Map.of("error", "invalid_token")).withHeader("WWW-Authenticate",
                    "Bearer realm=\"test-op\", error=\"invalid_token\"");
        }
        if (grant.user() == null || !Params.hasScope(grant.scope(), "openid")) {
            return Reply.json(403, Map.of("error", "insufficient_scope")).withHeader("WWW-Authenticate",
                    "Bearer realm=\"test-op\", error=\"insufficient_scope\"");
        }
        Map<String, Object> claims = grant.user().claims();
        if (op.faults().userInfoSubject() != null) {
            claims.put("sub", op.faults().userInfoSubject());
        }
        return Reply.json(200, claims);
    }
}
