package dev.imsauth.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code keys} of a JWK set one member at a time (RFC 7517 §5: members that cannot be used
 * SHOULD be ignored), so one odd member — an RSA key without {@code e}, an EC key on an unknown curve, an
 * invalid {@code x5c}, a string instead of an object — does not discard the provider's real key. A member
 * is used for signature checks only when it parses with Nimbus, is an asymmetric public key that converts
 * to a Java key, is meant for signatures ({@code use} absent or {@code sig}; {@code key_ops} absent or
 * holding {@code verify}) and, for RSA, has a modulus within {@link ProviderBounds}. Only the first
 * {@link ProviderBounds#MAX_JWKS_MEMBERS} members are read. Members with the same {@code kid} are all kept:
 * a token is checked against each candidate, so a decoy cannot hide the real key. Each distinct problem
 * is reported once per instance (a re-fetch of the same document logs nothing new).
 */
final class JwksMembers {
    private static final int MAX_REPORTED = 64;
    private final Set<String> reported = new HashSet<>();

    /** The usable keys, and the problems not reported before. */
    record Result(List<JWK> keys, List<String> problems) {
    }

    /** Reads the raw {@code keys} value of a parsed JWKS document. */
    synchronized Result read(Object rawKeys) {
        List<JWK> keys = new ArrayList<>();
        Set<String> problems = new LinkedHashSet<>();
        if (!(rawKeys instanceof List<?> members)) {
            problems.add("its keys member is not an array");
            return new Result(keys, fresh(problems));
        }
        if (members.size() > ProviderBounds.MAX_JWKS_MEMBERS) {
            problems.add("it has " + members.size() + " members; only the first " + ProviderBounds.MAX_JWKS_MEMBERS
                    + " are read");
        }
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < Math.min(members.size(), ProviderBounds.MAX_JWKS_MEMBERS); i++) {
            Object member = members.get(i);
            String problem = member instanceof Map<?, ?> map ? check(map, keys) : "a member is not a JSON object";
            if (problem != null) {
                problems.add(problem);
            } else {
                String kid = keys.get(keys.size() - 1).getKeyID();
                if (kid != null && !kids.add(kid)) {
                    problems.add("several members have the kid '" + printable(kid) + "'; each is tried");
                }
            }
        }
        return new Result(keys, fresh(problems));
    }

    /** Adds the member to {@code keys} when usable; otherwise returns why not. */
    private static String check(Map<?, ?> raw, List<JWK> keys) {
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) raw;
        String name = "kty '" + printable(String.valueOf(member.get("kty"))) + "'"
                + (member.get("kid") instanceof String kid ? ", kid '" + printable(kid) + "'" : "");
        JWK jwk;
        try {
            jwk = JWK.parse(member);
        } catch (ParseException | RuntimeException e) {
            return "a member (" + name + ") is not a valid JWK of a supported type";
        }
        JWK pub = jwk.toPublicJWK();
        if (!(pub instanceof AsymmetricJWK asymmetric)) {
            return "a member (" + name + ") is not a public key";
        }
        if (pub.getKeyUse() != null && !KeyUse.SIGNATURE.equals(pub.getKeyUse())) {
            return "a member (" + name + ") has a use other than sig";
        }
        if (pub.getKeyOperations() != null && !pub.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return "a member (" + name + ") has key_ops without verify";
        }
        if (pub instanceof RSAKey rsa && (rsa.size() < ProviderBounds.MIN_RSA_BITS || rsa.size() > ProviderBounds.MAX_RSA_BITS)) {
            return "a member (" + name + ") is an RSA key of " + rsa.size() + " bits, outside "
                    + ProviderBounds.MIN_RSA_BITS + "-" + ProviderBounds.MAX_RSA_BITS;
        }
        try {
            asymmetric.toPublicKey();
        } catch (JOSEException | RuntimeException e) {
            return "a member (" + name + ") cannot be turned into a public key";
        }
        keys.add(pub);
        return null;
    }

    private List<String> fresh(Set<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            if (reported.size() < MAX_REPORTED && reported.add(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** At most 40 printable ASCII characters of a provider-chosen name, for a log line. */
    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
