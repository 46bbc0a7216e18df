package dev.imsauth.hardening;

import dev.imsauth.hardening.ProviderInputs.Judged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated ID tokens for {@link ProviderFuzzTest}: header parameters (alg, kid, typ, crit) and claims (iss,
 * sub, aud, azp, exp, iat, nbf, auth_time, nonce) each drawn from values a correct relying party accepts or
 * refuses — huge, negative, fractional and wrongly typed times included — plus extra members of any JSON
 * type, signed by the provider's key or by a decoy holding the same kid. The token is good exactly when
 * every part is.
 */
public final class IdTokens {
    private static final List<String> HEADER = List.of("alg", "kid", "typ", "crit");
    private static final List<String> CLAIMS = List.of("iss", "sub", "aud", "azp", "exp", "iat", "nbf", "auth_time", "nonce");

    private IdTokens() {
    }

    /** A token to sign: the judged header and claim values, extra members, and the signer. */
    public record Token(List<Judged> headerValues, List<Judged> claimValues, Map<String, Object> extra, boolean decoy) {
        public boolean ok() {
            return !decoy && headerValues.stream().allMatch(Judged::ok) && claimValues.stream().allMatch(Judged::ok);
        }

        public Map<String, Object> header() {
            Map<String, Object> h = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                ProviderInputs.put(h, HEADER.get(i), headerValues.get(i));
            }
            return h;
        }

        /** The claims; a nonce of {@code true} becomes the sign-in's own nonce. */
        public Map<String, Object> claims(String nonce) {
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

    /** Tokens whose header parameters vary (and the signer), with claims a correct relying party accepts. */
    static Arbitrary<Token> headers() {
        List<Judged> good = List.of(new Judged(InProcessProvider.ISSUER, true), new Judged("alice", true),
                new Judged(InProcessProvider.CLIENT_ID, true), new Judged(ProviderInputs.ABSENT, true),
                new Judged(InProcessProvider.NOW.getEpochSecond() + 600, true),
                new Judged(InProcessProvider.NOW.getEpochSecond() - 5, true), new Judged(ProviderInputs.ABSENT, true),
                new Judged(ProviderInputs.ABSENT, true), new Judged(true, true));
        return Arbitraries.randomValue(r -> new Token(header(r), good, Map.of(), r.nextInt(9) == 0));
    }

    /** Tokens whose claims vary (and some header parameters and extra members); sign them or judge the claims alone. */
    public static Arbitrary<Token> tokens() {
        return Arbitraries.randomValue(r -> new Token(header(r), List.of(pick(ProviderInputs.iss(), r),
                pick(ProviderInputs.sub(), r), pick(ProviderInputs.aud(), r), pick(ProviderInputs.azp(), r),
                pick(ProviderInputs.exp(), r), pick(ProviderInputs.iat(), r), pick(ProviderInputs.nbf(), r),
                pick(ProviderInputs.authTime(), r), pick(ProviderInputs.nonce(), r)),
                r.nextInt(3) == 0 ? ProviderInputs.extraMembers(r) : Map.of(), r.nextInt(13) == 0));
    }

    private static List<Judged> header(Random r) {
        return List.of(pick(ProviderInputs.alg(), r), pick(ProviderInputs.kid(), r), pick(ProviderInputs.typ(), r),
                pick(ProviderInputs.crit(), r));
    }

    private static Judged pick(List<Judged> choices, Random r) {
        return ProviderInputs.pick(choices, r);
    }
}
