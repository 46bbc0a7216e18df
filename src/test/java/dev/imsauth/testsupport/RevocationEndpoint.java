package dev.imsauth.testsupport;

import java.util.Set;

/** {@code POST /connect/revocation} (RFC 7009): revokes an access or refresh token of the calling client. */
final class RevocationEndpoint implements Endpoint {

    private final ProviderContext op;

    RevocationEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        try {
            if (!request.method().equals("POST")) {
                throw new OAuthProblem(405, "invalid_request", "the revocation endpoint takes POST");
            }
            Params form = new Params(request.form()).requireSingleValues(Set.of());
            ClientRegistry.Client client = op.clients().authenticate(request, form);
            op.grants().revoke(form.require("token"), client.id());
            return Reply.empty(200);
        } catch (OAuthProblem problem) {
            return problem.toReply();
        }
    }
}
