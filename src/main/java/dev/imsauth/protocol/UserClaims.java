package dev.imsauth.protocol;

import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in: the verified ID-token claims, as plain Java values (String, Number, Boolean, List,
 * Map) so they serialize with the session. Never holds a token.
 */
public final class UserClaims implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Object> claims;
    /** The principal last asked for, worked out once per claim name: asked on every signed-in request. */
    private transient volatile ClaimPrincipal principal;
    /** The groups last asked for as a set, worked out once per claim name: role checks on every request. */
    private transient volatile GroupSet groupSet;

    public UserClaims(Map<String, ?> claims) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        claims.forEach((k, v) -> copy.put(k, plain(v)));
        this.claims = Collections.unmodifiableMap(copy);
        if (subject() == null) {
            throw new IllegalArgumentException("claims need a sub");
        }
    }

    /** The subject: the user's stable id at the provider. */
    public String subject() {
        return stringOrNull("sub");
    }

    /** The display name, falling back to the preferred user name, the email and the subject. */
    public String name() {
        return string("name").or(() -> string("preferred_username")).or(this::email).orElse(subject());
    }

    /** The email address, when the provider sent one. */
    public Optional<String> email() {
        return string("email");
    }

    /** A claim as a string (numbers and booleans are rendered). */
    public Optional<String> string(String claim) {
        return Optional.ofNullable(stringOrNull(claim));
    }

    /** As {@link #string}, null when the claim is missing or not a single value. */
    String stringOrNull(String claim) {
        Object v = claims.get(claim);
        return v == null || v instanceof Collection || v instanceof Map ? null : v.toString();
    }

    /** A claim as a list of strings: a JSON array, or a single string as a one-element list. */
    public List<String> strings(String claim) {
        Object v = claims.get(claim);
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    /**
     * The principal named by {@code claim}, falling back to {@code sub}; the same object on every call with the
     * same claim name, so a signed-in request makes none.
     */
    public Principal principal(String claim) {
        ClaimPrincipal p = principal;
        if (p == null || !p.claim.equals(claim)) {
            String name = stringOrNull(claim);
            p = new ClaimPrincipal(claim, name != null ? name : subject());
            principal = p;
        }
        return p;
    }

    /** True when {@code group} is one of {@link #strings(String) strings(claim)}; a set lookup after the first call. */
    public boolean hasGroup(String claim, String group) {
        GroupSet g = groupSet;
        if (g == null || !g.claim().equals(claim)) {
            g = new GroupSet(claim, Set.copyOf(strings(claim)));
            groupSet = g;
        }
        return g.groups().contains(group);
    }

    /** All claims, unmodifiable. */
    public Map<String, Object> all() {
        return claims;
    }

    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(plain(x)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof java.util.Date d) {
            return d.getTime() / 1000;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return "UserClaims[sub=" + subject() + "]";
    }

    private record GroupSet(String claim, Set<String> groups) {
    }

    /** A user's principal: equal to another of the same name, and shown as its name. */
    private static final class ClaimPrincipal implements Principal {
        private final String claim;
        private final String name;

        ClaimPrincipal(String claim, String name) {
            this.claim = claim;
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClaimPrincipal other && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
