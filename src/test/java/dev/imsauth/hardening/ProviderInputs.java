package dev.imsauth.hardening;

import static dev.imsauth.hardening.InProcessProvider.CLIENT_ID;
import static dev.imsauth.hardening.InProcessProvider.ISSUER;
import static dev.imsauth.hardening.InProcessProvider.NOW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for what a provider sends: JSON values of every type and size, numbers at the edges,
 * token-response fields, JWKS members, discovery fields, ID-token header parameters and claims. A value
 * whose verdict is known comes as a {@link Judged} (the value, and whether a correct relying party
 * accepts it), so a property can compare the library's verdict with the specification's.
 */
final class ProviderInputs {
    /** Stands for "leave the member out". */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };
    private static final long T = NOW.getEpochSecond();

    private ProviderInputs() {
    }

    /** A value and whether a correct relying party accepts it. */
    record Judged(Object value, boolean ok) {
        @Override
        public String toString() {
            return (value instanceof String s ? "\"" + s + "\"" : String.valueOf(value)) + (ok ? "" : " (bad)");
        }
    }

    /** Any JSON value: strings (all of Unicode), numbers of every size and sign, booleans, null, small arrays and objects. */
    static Arbitrary<Object> anyJson() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(24).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                edgeNumbers(),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(1, scalar.list().ofMaxSize(3).map(l -> (Object) l)),
                Tuple.of(1, Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(6), scalar)
                        .as((k, v) -> { Map<String, Object> m = new LinkedHashMap<>(); m.put(k, v); return (Object) m; })));
    }

    /** Numbers where arithmetic breaks: huge, negative, fractional, and the same written as strings. */
    static Arbitrary<Object> edgeNumbers() {
        return Arbitraries.of(1e12, 1e19, 1e300, -1e19, Long.MAX_VALUE, Long.MIN_VALUE, 9_223_372_036_854_775L, -1, 0,
                3.5, 0.5, -0.0, 59.999, 86_401, 2_147_483_648L, "-1", "3600", "3.5", "1e19", "9223372036854775808",
                " 60 ", "", "NaN", "Infinity", "0x10", "١٢٣");
    }

    /** An expires_in value of any kind. */
    static Arbitrary<Object> expiresIn() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, edgeNumbers()),
                Tuple.of(2, Arbitraries.longs().between(-100_000, 200_000).map(l -> (Object) l)),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d)),
                Tuple.of(2, anyJson()),
                Tuple.of(1, Arbitraries.just(ABSENT)));
    }

    /** A field of a token response: usually the good value, else absent or anything at all. */
    static Arbitrary<Object> field(Object good) {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(good)), Tuple.of(1, Arbitraries.just(ABSENT)),
                Tuple.of(2, anyJson()));
    }

    /** Members a JSON object may carry that nobody asked for. */
    static Arbitrary<Map<String, Object>> extraMembers() {
        return Arbitraries.maps(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12), anyJson()).ofMaxSize(3);
    }

    // ---- ID-token headers and claims: each value judged ----

    static Arbitrary<Judged> alg() {
        return judged(Tuple.of(8, j("ES256", true)), Tuple.of(1, j("RS256", false)), Tuple.of(1, j("none", false)),
                Tuple.of(1, j("HS256", false)), Tuple.of(1, j("ES512", false)), Tuple.of(1, j(ABSENT, false)));
    }

    static Arbitrary<Judged> kid() {
        return judged(Tuple.of(8, j("k1", true)), Tuple.of(2, j(ABSENT, true)), Tuple.of(1, j("k2", false)),
                Tuple.of(1, j(42, false)));
    }

    static Arbitrary<Judged> typ() {
        return judged(Tuple.of(8, j("JWT", true)), Tuple.of(2, j(ABSENT, true)), Tuple.of(1, j("at+jwt", false)),
                Tuple.of(1, j("logout+jwt", false)));
    }

    static Arbitrary<Judged> crit() {
        return judged(Tuple.of(9, j(ABSENT, true)), Tuple.of(1, j(List.of("urn:x"), false)), Tuple.of(1, j(List.of("exp"), false)));
    }

    static Arbitrary<Judged> iss() {
        return judged(Tuple.of(10, j(ISSUER, true)), Tuple.of(1, j(ISSUER + "/", false)), Tuple.of(1, j("https://OP.example", false)),
                Tuple.of(1, j("https://evil.example", false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(7, false)));
    }

    static Arbitrary<Judged> sub() {
        return judged(Tuple.of(10, j("alice", true)), Tuple.of(1, j("ünï€ødé 👤", true)), Tuple.of(1, j("", false)),
                Tuple.of(1, j("  ", false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(42, false)));
    }

    static Arbitrary<Judged> aud() {
        return judged(Tuple.of(8, j(CLIENT_ID, true)), Tuple.of(3, j(List.of(CLIENT_ID), true)),
                Tuple.of(1, j(List.of(CLIENT_ID, "other"), false)), Tuple.of(1, j("other", false)),
                Tuple.of(1, j(List.of(), false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(42, false)));
    }

    static Arbitrary<Judged> azp() {
        return judged(Tuple.of(8, j(ABSENT, true)), Tuple.of(3, j(CLIENT_ID, true)), Tuple.of(1, j("other", false)),
                Tuple.of(1, j(42, false)));
    }

    static Arbitrary<Judged> exp() {
        return judged(Tuple.of(8, j(T + 600, true)), Tuple.of(1, j(T + 30.5, true)), Tuple.of(1, j(T - 30, true)),
                Tuple.of(1, j(253_402_300_799L, true)), Tuple.of(1, j(T - 3600, false)), Tuple.of(1, j(1e19, false)),
                Tuple.of(1, j(Long.MAX_VALUE, false)), Tuple.of(1, j(-1, false)), Tuple.of(1, j(String.valueOf(T + 600), false)),
                Tuple.of(1, j(true, false)), Tuple.of(1, j(ABSENT, false)));
    }

    static Arbitrary<Judged> iat() {
        return judged(Tuple.of(8, j(T - 5, true)), Tuple.of(1, j(T + 30, true)), Tuple.of(1, j(0, true)),
                Tuple.of(1, j(T - 0.25, true)), Tuple.of(1, j(T + 3600, false)), Tuple.of(1, j(-1, false)),
                Tuple.of(1, j(1e19, false)), Tuple.of(1, j("now", false)), Tuple.of(1, j(ABSENT, false)));
    }

    static Arbitrary<Judged> nbf() {
        return judged(Tuple.of(8, j(ABSENT, true)), Tuple.of(1, j(T, true)), Tuple.of(1, j(T + 3600, false)),
                Tuple.of(1, j(1e19, false)), Tuple.of(1, j(-3, false)), Tuple.of(1, j("x", false)));
    }

    static Arbitrary<Judged> authTime() {
        return judged(Tuple.of(8, j(ABSENT, true)), Tuple.of(1, j(T - 100, true)), Tuple.of(1, j(T - 99.5, true)),
                Tuple.of(1, j(T + 3600, false)), Tuple.of(1, j(-5, false)), Tuple.of(1, j(1e19, false)),
                Tuple.of(1, j("yesterday", false)));
    }

    /** The nonce: {@code true} stands for "the sign-in's own nonce". */
    static Arbitrary<Judged> nonce() {
        return judged(Tuple.of(10, j(true, true)), Tuple.of(1, j("another-nonce", false)), Tuple.of(1, j(ABSENT, false)),
                Tuple.of(1, j(42, false)));
    }

    /** Adds {@code judged} under {@code name} unless it is absent; false when it makes the object bad. */
    static boolean put(Map<String, Object> into, String name, Judged judged) {
        if (judged.value() != ABSENT) {
            into.put(name, judged.value());
        }
        return judged.ok();
    }

    /** A list with {@code first} members of {@code filler}, e.g. to push a key past the member limit. */
    static <T> List<T> padded(List<T> members, T filler, int before) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            out.add(filler);
        }
        out.addAll(members);
        return out;
    }

    private static Judged j(Object value, boolean ok) {
        return new Judged(value, ok);
    }

    @SafeVarargs
    private static Arbitrary<Judged> judged(Tuple.Tuple2<Integer, Judged>... choices) {
        return Arbitraries.frequency(List.of(choices));
    }
}
