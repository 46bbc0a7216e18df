package dev.imsauth.hardening;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
        List<Member> kinds = members(op);
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shapes.add("keys");
        }
        shapes.addAll(List.of("keys+extra", "keys+extra", "keys-not-array", "no-keys", "not-an-object", "past-the-member-limit"));
        return Arbitraries.randomValue(r -> {
            List<Member> members = new ArrayList<>();
            for (int i = r.nextInt(9); i > 0; i--) {
                Member m = ProviderInputs.pick(kinds, r);
                members.add(m.kind().equals("random") ? random(r) : m);
            }
            return build(ProviderInputs.pick(shapes, r), members, ProviderInputs.anyJson(r));
        });
    }

    private static Member random(java.util.Random r) {
        Object v = ProviderInputs.anyJson(r);
        return v instanceof Map<?, ?> map && map.containsKey("kty") ? new Member("random null", null, false)
                : new Member("random " + (v == null ? "null" : v.getClass().getSimpleName()), v, false);
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

    private static List<Member> members(InProcessProvider op) {
        Map<String, Object> real = op.key.toPublicJWK().toJSONObject();
        Map<String, Object> ec = Map.of("kty", "EC", "crv", "P-256", "kid", "k1",
                "x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0");
        return ProviderInputs.weighted(
                Tuple.of(6, new Member("real", real, true)),
                Tuple.of(1, new Member("real+key_ops[verify]", with(real, "key_ops", List.of("verify", "sign")), true)),
                Tuple.of(1, new Member("real+use=sig", with(real, "use", "sig"), true)),
                Tuple.of(1, new Member("real private", op.key.toJSONObject(), true)),
                Tuple.of(1, new Member("real+use=enc", with(real, "use", "enc"), false)),
                Tuple.of(1, new Member("real+key_ops[encrypt,wrapKey]", with(real, "key_ops", List.of("encrypt", "wrapKey")), false)),
                Tuple.of(1, new Member("real+key_ops=verify(string)", with(real, "key_ops", "verify"), false)),
                Tuple.of(1, new Member("real without e", without(real, "e"), false)),
                Tuple.of(1, new Member("real as kty EC", with(real, "kty", "EC"), false)),
                Tuple.of(1, new Member("real+bad x5c", with(real, "x5c", List.of("bm90IGEgY2VydA==")), false)),
                Tuple.of(1, new Member("real with n of another key", with(real, "n", op.decoy.getModulus().toString()), false)),
                Tuple.of(1, new Member("1024-bit key with the real kid", op.small.toPublicJWK().toJSONObject(), false)),
                Tuple.of(2, new Member("decoy with the real kid", op.decoy.toPublicJWK().toJSONObject(), false)),
                Tuple.of(1, new Member("EC with the real kid", ec, false)),
                Tuple.of(1, new Member("EC on P-999", with(ec, "crv", "P-999"), false)),
                Tuple.of(1, new Member("oct", Map.of("kty", "oct", "kid", "k1", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0"), false)),
                Tuple.of(1, new Member("unknown kty", Map.of("kty", "PQC", "kid", "k1"), false)),
                Tuple.of(1, new Member("string", "a plain string", false)),
                Tuple.of(1, new Member("null", null, false)),
                Tuple.of(1, new Member("array", List.of(real), false)),
                Tuple.of(2, new Member("random", null, false)));
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
