package dev.imsauth.hardening;

import dev.imsauth.hardening.ProviderInputs.Judged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated ID tokens for {@link ProviderFuzzTest}: header parameters (alg, kid, typ, crit) and claims (iss,
 * sub, aud, azp, exp, iat, nbf, auth_time, nonce) each drawn from values a correct relying party accepts or
 * refuses — huge, negative, fractional and wrongly typed times included — plus extra members of any JSON
 * type, signed by the provider's key or by a decoy holding the same kid. The token is good exactly when
 * every part is.
 */
final class IdTokens {
    private static final List<String> HEADER = List.of("alg", "kid", "typ", "crit");
    private static final List<String> CLAIMS = List.of("iss", "sub", "aud", "azp", "exp", "iat", "nbf", "auth_time", "nonce");

    private IdTokens() {
    }

    /** A token to sign: the judged header and claim values, extra members, and the signer. */
    record Token(List<Judged> headerValues, List<Judged> claimValues, Map<String, Object> extra, boolean decoy) {
        boolean ok() {
            return !decoy && headerValues.stream().allMatch(Judged::ok) && claimValues.stream().allMatch(Judged::ok);
        }

        Map<String, Object> header() {
            Map<String, Object> h = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                ProviderInputs.put(h, HEADER.get(i), headerValues.get(i));
            }
            return h;
        }

        /** The claims; a nonce of {@code true} becomes the sign-in's own nonce. */
        Map<String, Object> claims(String nonce) {
            Map<String, Object> c = new LinkedHashMap<>();
            extra.forEach((k, v) -> c.put("x-" + k, v));
            for (int i = 0; i < CLAIMS.size(); i++) {
                Judged j = claimValues.get(i);
                ProviderInputs.put(c, CLAIMS.get(i), Boolean.TRUE.equals(j.value()) && CLAIMS.get(i).equals("nonce")
                        ? new Judged(nonce, true) : j);
            }
            return c;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(decoy ? "decoy-signed " : "");
            for (int i = 0; i < HEADER.size(); i++) {
                s.append(HEADER.get(i)).append('=').append(headerValues.get(i)).append(' ');
            }
            for (int i = 0; i < CLAIMS.size(); i++) {
                s.append(CLAIMS.get(i)).append('=').append(claimValues.get(i)).append(' ');
            }
            return s.append(extra.keySet()).toString();
        }
    }

    static Arbitrary<Token> tokens() {
        Arbitrary<List<Judged>> header = Combinators.combine(ProviderInputs.alg(), ProviderInputs.kid(), ProviderInputs.typ(),
                ProviderInputs.crit()).as(List::of);
        Arbitrary<List<Judged>> times = Combinators.combine(ProviderInputs.exp(), ProviderInputs.iat(), ProviderInputs.nbf(),
                ProviderInputs.authTime()).as(List::of);
        Arbitrary<List<Judged>> who = Combinators.combine(ProviderInputs.iss(), ProviderInputs.sub(), ProviderInputs.aud(),
                ProviderInputs.azp(), ProviderInputs.nonce()).as(List::of);
        Arbitrary<List<Judged>> claims = Combinators.combine(who, times).as((w, t) ->
                List.of(w.get(0), w.get(1), w.get(2), w.get(3), t.get(0), t.get(1), t.get(2), t.get(3), w.get(4)));
        Arbitrary<Map<String, Object>> extra = ProviderInputs.extraMembers();
        Arbitrary<Boolean> decoy = Arbitraries.frequency(net.jqwik.api.Tuple.of(12, false), net.jqwik.api.Tuple.of(1, true));
        return Combinators.combine(header, claims, extra, decoy).as(Token::new);
    }
}
