package dev.imsauth.hardening;

import static dev.imsauth.hardening.InProcessProvider.ISSUER;
import static dev.imsauth.hardening.ProviderInputs.ABSENT;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.imsauth.hardening.ProviderInputs.Judged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generated discovery documents for {@link ProviderFuzzTest}: the issuer exact or almost (a slash, a case,
 * another host, a number), endpoints over https or not (plain http, loopback http, script and relative
 * URLs, empty, numbers), required members missing, the RFC 9207 flag of any type, and extra members.
 * OIDC Discovery §4.3 and the https-only rule decide each document's verdict.
 */
final class DiscoveryDocuments {
    private DiscoveryDocuments() {
    }

    /** A discovery document as sent, and whether a correct relying party accepts it. */
    record Document(Map<String, Object> members, boolean ok) {
        String json() {
            return JSONObjectUtils.toJSONString(members);
        }

        @Override
        public String toString() {
            return json() + (ok ? "" : " (bad)");
        }
    }

    static Arbitrary<Document> documents() {
        List<Judged> issuer = ProviderInputs.weighted(Tuple.of(16, new Judged(ISSUER, true)),
                Tuple.of(1, new Judged(ISSUER + "/", false)), Tuple.of(1, new Judged("https://OP.example", false)),
                Tuple.of(1, new Judged("https://op.example.", false)), Tuple.of(1, new Judged("https://evil.example", false)),
                Tuple.of(1, new Judged(ISSUER + " ", false)), Tuple.of(1, new Judged(ABSENT, false)), Tuple.of(1, new Judged(7, false)));
        List<Judged> optional = ProviderInputs.weighted(Tuple.of(12, new Judged(ABSENT, true)),
                Tuple.of(6, new Judged("https://op.example/x", true)), Tuple.of(1, new Judged("http://op.example/x", false)),
                Tuple.of(1, new Judged("http://127.0.0.1/x", false)), Tuple.of(1, new Judged("javascript:alert(1)", false)),
                Tuple.of(1, new Judged("/relative", false)));
        List<Judged> required = ProviderInputs.weighted(Tuple.of(40, new Judged("good", true)),
                Tuple.of(1, new Judged("http://op.example/e", false)), Tuple.of(1, new Judged("http://localhost/e", false)),
                Tuple.of(1, new Judged("javascript:alert(1)", false)), Tuple.of(1, new Judged("/relative", false)),
                Tuple.of(1, new Judged("", false)), Tuple.of(1, new Judged("//evil.example/e", false)),
                Tuple.of(1, new Judged(42, false)), Tuple.of(1, new Judged(ABSENT, false)));
        return Arbitraries.randomValue(r -> build(pick(issuer, r),
                List.of(pick(required, r), pick(required, r), pick(required, r)),
                List.of(pick(optional, r), pick(optional, r), pick(optional, r)),
                r.nextInt(3) == 0 ? ProviderInputs.anyJson(r) : List.of(true, false, ABSENT).get(r.nextInt(3)),
                ProviderInputs.extraMembers(r)));
    }

    private static Judged pick(List<Judged> choices, java.util.Random r) {
        return ProviderInputs.pick(choices, r);
    }

    private static Document build(Judged issuer, List<Judged> required, List<Judged> optional, Object issFlag,
                                  Map<String, Object> extra) {
        Map<String, Object> doc = new LinkedHashMap<>(extra);
        doc.putAll(InProcessProvider.discovery());
        doc.remove("issuer");
        boolean ok = ProviderInputs.put(doc, "issuer", issuer);
        List<String> requiredNames = List.of("authorization_endpoint", "token_endpoint", "jwks_uri");
        for (int i = 0; i < 3; i++) {
            String name = requiredNames.get(i);
            Judged j = required.get(i);
            if (!"good".equals(j.value())) {
                doc.remove(name);
                ok &= ProviderInputs.put(doc, name, j);
            }
        }
        List<String> optionalNames = List.of("userinfo_endpoint", "end_session_endpoint", "revocation_endpoint");
        for (int i = 0; i < 3; i++) {
            ok &= ProviderInputs.put(doc, optionalNames.get(i), optional.get(i));
        }
        if (issFlag != ABSENT) {
            doc.put("authorization_response_iss_parameter_supported", issFlag);
            ok &= issFlag == null || issFlag instanceof Boolean; // null is absent (RFC 8414 §2: omitted means false)
        }
        return new Document(doc, ok);
    }
}
