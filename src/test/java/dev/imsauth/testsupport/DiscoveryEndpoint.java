package dev.imsauth.testsupport;

import dev.imsauth.testsupport.ProviderSettings.Switch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /.well-known/openid-configuration} and the JWKS it points to. */
final class DiscoveryEndpoint implements Endpoint {

    private static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post", "none");

    private final ProviderContext op;

    DiscoveryEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        ProviderFaults faults = op.faults();
        String base = faults.endpointBase() != null ? faults.endpointBase().replaceAll("/+$", "") : op.issuer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", faults.discoveryIssuer() != null ? faults.discoveryIssuer() : op.issuer());
        doc.put("jwks_uri", base + ProviderPaths.JWKS);
        doc.put("authorization_endpoint", base + ProviderPaths.AUTHORIZE);
        doc.put("token_endpoint", base + ProviderPaths.TOKEN);
        doc.put("userinfo_endpoint", base + ProviderPaths.USERINFO);
        if (!faults.omitEndSessionEndpoint()) {
            doc.put("end_session_endpoint", base + ProviderPaths.END_SESSION);
        }
        if (!faults.omitRevocationEndpoint()) {
            doc.put("revocation_endpoint", base + ProviderPaths.REVOCATION);
            doc.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
        }
        doc.put("scopes_supported", List.of("openid", "profile", "email", "organization", "offline_access",
                "itwin-platform"));
        doc.put("claims_supported", List.of("sub", "name", "email", "preferred_username", "roles"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
        doc.put("authorization_response_iss_parameter_supported", op.settings().is(Switch.ISS_PARAMETER_SUPPORTED));
        return Reply.json(200, doc);
    }

    /** {@code GET /.well-known/openid-configuration/jwks}: every published public key. */
    static Endpoint jwks(ProviderContext op) {
        return request -> Reply.json(200, op.keys().publicJwks(op.faults().publishRetiredKeys()).toJSONObject(true));
    }
}
