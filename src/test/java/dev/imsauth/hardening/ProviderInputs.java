package dev.imsauth.hardening;

import static dev.imsauth.hardening.InProcessProvider.CLIENT_ID;
import static dev.imsauth.hardening.InProcessProvider.ISSUER;
import static dev.imsauth.hardening.InProcessProvider.NOW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Tuple;

/**
 * Generators for what a provider sends, drawn straight from jqwik's {@link Random} (through
 * {@code Arbitraries.randomValue}: no shrinking tree, so ten thousand inputs cost little): JSON values of
 * every type and size, numbers at the edges,
 * token-response fields, JWKS members, discovery fields, ID-token header parameters and claims. A value
 * whose verdict is known comes as a {@link Judged} (the value, and whether a correct relying party
 * accepts it), so a property can compare the library's verdict with the specification's.
 */
public final class ProviderInputs {
    /** Stands for "leave the member out". */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };
    private static final long T = NOW.getEpochSecond();

    private ProviderInputs() {
    }

    /** A value and whether a correct relying party accepts it. */
    public record Judged(Object value, boolean ok) {
        @Override
        public String toString() {
            return (value instanceof String s ? "\"" + s + "\"" : String.valueOf(value)) + (ok ? "" : " (bad)");
        }
    }

    /** Any JSON value: strings (all of Unicode), numbers of every size and sign, booleans, null, small arrays and objects. */
    static Object anyJson(Random r) {
        int kind = r.nextInt(8);
        if (kind == 6) {
            List<Object> list = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                list.add(scalar(r));
            }
            return list;
        }
        if (kind == 7) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(string(r, 6), scalar(r));
            return map;
        }
        return scalar(r);
    }

    private static Object scalar(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> string(r, 24);
            case 1 -> r.nextBoolean() ? r.nextLong() : (long) r.nextInt(1000) - 500;
            case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 10) * (r.nextBoolean() ? 1 : -1);
            case 3 -> edgeNumber(r);
            case 4 -> r.nextBoolean();
            default -> null;
        };
    }

    /** A string of up to {@code max} code points from all of Unicode (surrogates only in pairs), or from ASCII. */
    static String string(Random r, int max) {
        StringBuilder s = new StringBuilder();
        boolean ascii = r.nextBoolean();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            int cp = ascii ? r.nextInt(0x80) : r.nextInt(0x110000);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** Numbers where arithmetic breaks: huge, negative, fractional, and the same written as strings. */
    static Object edgeNumber(Random r) {
        return pick(EDGE_NUMBERS, r);
    }

    private static final List<Object> EDGE_NUMBERS = List.of(1e12, 1e19, 1e300, -1e19, Long.MAX_VALUE, Long.MIN_VALUE,
            9_223_372_036_854_775L, -1, 0, 3.5, 0.5, -0.0, 59.999, 86_401, 2_147_483_648L, "-1", "3600", "3.5", "1e19",
            "9223372036854775808", " 60 ", "", "NaN", "Infinity", "0x10", "١٢٣");

    /** An expires_in value of any kind. */
    static Object expiresIn(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> edgeNumber(r);
            case 3, 4 -> (long) r.nextInt(300_000) - 100_000;
            case 5, 6 -> (r.nextDouble() - 0.3) * 1e6;
            case 7, 8 -> anyJson(r);
            default -> ABSENT;
        };
    }

    /** A field of a token response: usually the good value, else absent or anything at all. */
    static Object field(Object good, Random r) {
        int n = r.nextInt(16);
        return n < 13 ? good : n == 13 ? ABSENT : anyJson(r);
    }

    /** Members a JSON object may carry that nobody asked for. */
    static Map<String, Object> extraMembers(Random r) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            extra.put(string(r, 12), anyJson(r));
        }
        return extra;
    }

    /** One of the values, uniformly. */
    static <T> T pick(List<T> values, Random r) {
        return values.get(r.nextInt(values.size()));
    }

    // ---- ID-token headers and claims: each value judged ----

    static List<Judged> alg() {
        return judged(Tuple.of(40, j("RS256", true)), Tuple.of(1, j("ES256", false)), Tuple.of(1, j("none", false)),
                Tuple.of(1, j("HS256", false)), Tuple.of(1, j("PS256", false)), Tuple.of(1, j("rs256", false)),
                Tuple.of(1, j(ABSENT, false)));
    }

    static List<Judged> kid() {
        return judged(Tuple.of(40, j("k1", true)), Tuple.of(2, j(ABSENT, true)), Tuple.of(1, j("k2", false)),
                Tuple.of(1, j(42, false)));
    }

    static List<Judged> typ() {
        return judged(Tuple.of(40, j("JWT", true)), Tuple.of(2, j(ABSENT, true)), Tuple.of(1, j("at+jwt", false)),
                Tuple.of(1, j("logout+jwt", false)));
    }

    static List<Judged> crit() {
        return judged(Tuple.of(45, j(ABSENT, true)), Tuple.of(1, j(List.of("urn:x"), false)), Tuple.of(1, j(List.of("exp"), false)));
    }

    static List<Judged> iss() {
        return judged(Tuple.of(50, j(ISSUER, true)), Tuple.of(1, j(ISSUER + "/", false)), Tuple.of(1, j("https://OP.example", false)),
                Tuple.of(1, j("https://evil.example", false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(7, false)));
    }

    static List<Judged> sub() {
        return judged(Tuple.of(50, j("alice", true)), Tuple.of(1, j("ünï€ødé 👤", true)), Tuple.of(1, j("", false)),
                Tuple.of(1, j("  ", false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(42, false)));
    }

    static List<Judged> aud() {
        return judged(Tuple.of(40, j(CLIENT_ID, true)), Tuple.of(3, j(List.of(CLIENT_ID), true)),
                Tuple.of(1, j(List.of(CLIENT_ID, "other"), false)), Tuple.of(1, j("other", false)),
                Tuple.of(1, j(List.of(), false)), Tuple.of(1, j(ABSENT, false)), Tuple.of(1, j(42, false)));
    }

    static List<Judged> azp() {
        return judged(Tuple.of(40, j(ABSENT, true)), Tuple.of(3, j(CLIENT_ID, true)), Tuple.of(1, j("other", false)),
                Tuple.of(1, j(42, false)));
    }

    static List<Judged> exp() {
        return judged(Tuple.of(40, j(T + 600, true)), Tuple.of(1, j(T + 30.5, true)), Tuple.of(1, j(T - 30, true)),
                Tuple.of(1, j(253_402_300_799L, true)), Tuple.of(1, j(T - 3600, false)), Tuple.of(1, j(1e19, false)),
                Tuple.of(1, j(Long.MAX_VALUE, false)), Tuple.of(1, j(-1, false)), Tuple.of(1, j(String.valueOf(T + 600), false)),
                Tuple.of(1, j(true, false)), Tuple.of(1, j(ABSENT, false)));
    }

    static List<Judged> iat() {
        return judged(Tuple.of(40, j(T - 5, true)), Tuple.of(1, j(T + 30, true)), Tuple.of(1, j(0, true)),
                Tuple.of(1, j(T - 0.25, true)), Tuple.of(1, j(T + 3600, false)), Tuple.of(1, j(-1, false)),
                Tuple.of(1, j(1e19, false)), Tuple.of(1, j("now", false)), Tuple.of(1, j(ABSENT, false)));
    }

    static List<Judged> nbf() {
        return judged(Tuple.of(40, j(ABSENT, true)), Tuple.of(1, j(T, true)), Tuple.of(1, j(T + 3600, false)),
                Tuple.of(1, j(1e19, false)), Tuple.of(1, j(-3, false)), Tuple.of(1, j("x", false)));
    }

    static List<Judged> authTime() {
        return judged(Tuple.of(40, j(ABSENT, true)), Tuple.of(1, j(T - 100, true)), Tuple.of(1, j(T - 99.5, true)),
                Tuple.of(1, j(T + 3600, false)), Tuple.of(1, j(-5, false)), Tuple.of(1, j(1e19, false)),
                Tuple.of(1, j("yesterday", false)));
    }

    /** The nonce: {@code true} stands for "the sign-in's own nonce". */
    static List<Judged> nonce() {
        return judged(Tuple.of(50, j(true, true)), Tuple.of(1, j("another-nonce", false)), Tuple.of(1, j(ABSENT, false)),
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
    private static List<Judged> judged(Tuple.Tuple2<Integer, Judged>... choices) {
        return weighted(choices);
    }

    /** The choices, each repeated by its weight (weights are small), so that {@link #pick} honours them. */
    @SafeVarargs
    static <T> List<T> weighted(Tuple.Tuple2<Integer, T>... choices) {
        List<T> out = new ArrayList<>();
        for (Tuple.Tuple2<Integer, T> c : choices) {
            for (int i = 0; i < c.get1(); i++) {
                out.add(c.get2());
            }
        }
        return out;
    }
}
