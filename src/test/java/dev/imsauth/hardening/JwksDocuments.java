package dev.imsauth.hardening;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated JWK sets for {@link ProviderFuzzTest}: the provider's real key in forms a relying party may
 * and may not use for signatures, mixed with members it cannot use (other key types, missing or odd
 * parameters, strings, numbers, nested arrays, random objects), decoys with the real kid, and documents of
 * the wrong shape. Each document knows whether a correct relying party finds the signing key in it.
 */
final class JwksDocuments {
    private JwksDocuments() {
    }

    /** One member and whether it is the real key in a form usable for signature checks. */
    record Member(String kind, Object json, boolean signingKey) {
        @Override
        public String toString() {
            return kind;
        }
    }

    /** A JWKS document as sent, and the expected verdict. */
    record Document(String shape, List<Member> members, String json, boolean holdsTheSigningKey) {
        @Override
        public String toString() {
            return shape + " " + members;
        }
    }

    static Arbitrary<Document> documents(InProcessProvider op) {
        Arbitrary<List<Member>> members = members(op).list().ofMaxSize(8);
        Arbitrary<String> shape = Arbitraries.frequency(Tuple.of(10, "keys"), Tuple.of(2, "keys+extra"),
                Tuple.of(1, "keys-not-array"), Tuple.of(1, "no-keys"), Tuple.of(1, "not-an-object"),
                Tuple.of(1, "past-the-member-limit"));
        return Combinators.combine(shape, members, ProviderInputs.anyJson()).as((s, m, junk) -> build(s, m, junk));
    }

    private static Document build(String shape, List<Member> members, Object junk) {
        List<Object> keys = new ArrayList<>();
        members.forEach(m -> keys.add(m.json()));
        boolean found = members.stream().anyMatch(Member::signingKey);
        Map<String, Object> doc = new LinkedHashMap<>();
        switch (shape) {
            case "keys" -> doc.put("keys", keys);
            case "keys+extra" -> {
                doc.put("x-extra", junk);
                doc.put("keys", keys);
            }
            case "keys-not-array" -> {
                doc.put("keys", keys.isEmpty() || keys.get(0) instanceof List<?> ? "none" : keys.get(0));
                found = false;
            }
            case "no-keys" -> {
                doc.put("kees", keys);
                found = false;
            }
            case "not-an-object" -> {
                return new Document(shape, members, JSONObjectUtils.toJSONString(Map.of("k", keys)).substring(5), false);
            }
            default -> {
                doc.put("keys", ProviderInputs.padded(keys, "filler", 100));
                found = false;
            }
        }
        return new Document(shape, members, JSONObjectUtils.toJSONString(doc), found);
    }

    private static Arbitrary<Member> members(InProcessProvider op) {
        Map<String, Object> real = op.key.toPublicJWK().toJSONObject();
        return Arbitraries.frequency(
                Tuple.of(6, new Member("real", real, true)),
                Tuple.of(1, new Member("real+key_ops[verify]", with(real, "key_ops", List.of("verify", "sign")), true)),
                Tuple.of(1, new Member("real+use=sig", with(real, "use", "sig"), true)),
                Tuple.of(1, new Member("real private", op.key.toJSONObject(), true)),
                Tuple.of(1, new Member("real+use=enc", with(real, "use", "enc"), false)),
                Tuple.of(1, new Member("real+key_ops[encrypt,wrapKey]", with(real, "key_ops", List.of("encrypt", "wrapKey")), false)),
                Tuple.of(1, new Member("real+key_ops=verify(string)", with(real, "key_ops", "verify"), false)),
                Tuple.of(1, new Member("real without x", without(real, "x"), false)),
                Tuple.of(1, new Member("real on P-999", with(real, "crv", "P-999"), false)),
                Tuple.of(1, new Member("real+bad x5c", with(real, "x5c", List.of("bm90IGEgY2VydA==")), false)),
                Tuple.of(1, new Member("real with x of another key", with(real, "x", op.decoy.getX().toString()), false)),
                Tuple.of(2, new Member("decoy with the real kid", op.decoy.toPublicJWK().toJSONObject(), false)),
                Tuple.of(1, new Member("oct", Map.of("kty", "oct", "kid", "k1", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), false)),
                Tuple.of(1, new Member("RSA without e", Map.of("kty", "RSA", "kid", "k1", "n", "0vx7agoebGcQSuuPiLJXZpt"), false)),
                Tuple.of(1, new Member("unknown kty", Map.of("kty", "PQC", "kid", "k1"), false)),
                Tuple.of(1, new Member("string", "a plain string", false)),
                Tuple.of(1, new Member("number", 42, false)),
                Tuple.of(1, new Member("null", null, false)),
                Tuple.of(1, new Member("array", List.of(real), false)))
                .flatMap(m -> m.kind().equals("number")
                        ? ProviderInputs.anyJson().map(v -> v instanceof Map<?, ?> && ((Map<?, ?>) v).containsKey("kty")
                                ? m : new Member("random " + (v == null ? "null" : v.getClass().getSimpleName()), v, false))
                        : Arbitraries.just(m));
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(name, value);
        return m;
    }

    private static Map<String, Object> without(Map<String, Object> base, String name) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.remove(name);
        return m;
    }
}
