package dev.imsauth.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user the test provider signs in.
 *
 * @param subject     the {@code sub} claim; required
 * @param name        the {@code name} claim, or {@code null} to leave it out
 * @param email       the {@code email} claim (also {@code preferred_username}), or {@code null}
 * @param roles       the {@code roles} claim
 * @param extraClaims further claims for the ID token and userinfo; the protocol claims above win
 *                    over an extra claim of the same name
 */
public record TestUser(String subject, String name, String email, List<String> roles,
                       Map<String, Object> extraClaims) {

    public TestUser {
        Objects.requireNonNull(subject, "subject");
        roles = roles == null ? List.of() : List.copyOf(roles);
        extraClaims = extraClaims == null ? Map.of() : Map.copyOf(extraClaims);
    }

    /** The provider's default user: alice, role {@code user}. */
    public static TestUser alice() {
        return new TestUser("alice", "Alice Example", "alice@example.com", List.of("user"), Map.of());
    }

    /** The user an unknown {@code login_hint} stands for: sub=hint, email=hint@example.com, role user. */
    public static TestUser fromLoginHint(String hint) {
        return new TestUser(hint, hint, hint + "@example.com", List.of("user"), Map.of());
    }

    /** This user with other roles. */
    public TestUser withRoles(List<String> newRoles) {
        return new TestUser(subject, name, email, newRoles, extraClaims);
    }

    /** The claims for the ID token and the userinfo response, protocol claims last so they win. */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>(extraClaims);
        claims.put("sub", subject);
        if (name != null) {
            claims.put("name", name);
        }
        if (email != null) {
            claims.put("email", email);
        }
        claims.put("preferred_username", email != null ? email : subject);
        claims.put("roles", roles);
        return claims;
    }
}
