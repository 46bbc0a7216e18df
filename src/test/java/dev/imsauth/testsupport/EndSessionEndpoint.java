package dev.imsauth.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|POST /connect/endsession} (RP-Initiated Logout): redirects to post_logout_redirect_uri when
 * it is registered for the client (from client_id, else from id_token_hint's azp/aud), else a page.
 */
final class EndSessionEndpoint implements Endpoint {

    private final ProviderContext op;

    EndSessionEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        Params params = new Params(request.method().equals("POST") ? request.form() : request.query());
        String target = params.get("post_logout_redirect_uri");
        String clientId = params.get("client_id") != null ? params.get("client_id")
                : clientOf(params.get("id_token_hint"));
        ClientRegistry.Client client = op.clients().find(clientId);
        subjectOf(params.get("id_token_hint")).ifPresent(op.minter().sessions()::end);
        if (target != null && client != null && client.acceptsPostLogoutRedirect(target)) {
            Map<String, String> response = new LinkedHashMap<>();
            response.put("state", params.get("state"));
            return Reply.redirect(target, response);
        }
        String note = target == null ? "" : " The post_logout_redirect_uri is not registered for this client.";
        return Html.message(200, "Signed out", "You are signed out of the test identity provider." + note);
    }

    /** The subject of an ID token hint (signature unchecked; only this provider's own tokens end a session in tests). */
    private static java.util.Optional<String> subjectOf(String idTokenHint) {
        try {
            return idTokenHint == null ? java.util.Optional.empty()
                    : java.util.Optional.ofNullable(JWTParser.parse(idTokenHint).getJWTClaimsSet().getSubject());
        } catch (ParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** The client an ID token was issued to; the signature is not checked (the hint is only a hint). */
    private static String clientOf(String idTokenHint) {
        if (idTokenHint == null) {
            return null;
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(idTokenHint).getJWTClaimsSet();
            String azp = claims.getStringClaim("azp");
            List<String> audience = claims.getAudience();
            return azp != null ? azp : audience.isEmpty() ? null : audience.get(0);
        } catch (ParseException e) {
            return null;
        }
    }
}
