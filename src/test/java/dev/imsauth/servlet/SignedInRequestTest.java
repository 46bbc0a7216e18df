package dev.imsauth.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedInRequestTest {
    private static final SessionStore STORE = new SessionStore(Clock.systemUTC(), Duration.ofMinutes(10), 10);

    private static ProviderSettings config(String principalClaim) {
        return ImsAuthConfig.builder().clientId("portal").principalClaim(principalClaim).groupsClaim("roles").build().provider();
    }

    @Test
    void answersRoleChecksFromAListClaim() {
        SignedInRequest request = requestOf(Map.of("sub", "alice", "roles", List.of("user", "admin")));

        assertThat(request.isUserInRole("admin")).isTrue();
        assertThat(request.isUserInRole("user")).isTrue();
        assertThat(request.isUserInRole("root")).isFalse();
        assertThat(request.isUserInRole(null)).isFalse();
    }

    @Test
    void takesASingleStringClaimAsOneRole() {
        SignedInRequest request = requestOf(Map.of("sub", "alice", "roles", "admin"));

        assertThat(request.isUserInRole("admin")).isTrue();
        assertThat(request.isUserInRole("adm")).isFalse();
    }

    @Test
    void hasNoRolesWithoutTheClaim() {
        assertThat(requestOf(Map.of("sub", "alice")).isUserInRole("user")).isFalse();
    }

    @Test
    void answersRoleChecksExactlyAsTheUsersGroupList() {
        List<Object> claimValues = List.of(List.of("a", "b"), List.of(1, 2), "a", 7, true, List.of(), Map.of("a", "b"));
        for (Object value : claimValues) {
            Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "alice"));
            claims.put("roles", value);
            SignedInRequest request = requestOf(claims);
            SignedInUser user = user(claims);
            for (String role : List.of("a", "b", "1", "7", "true", "{a=b}", "c")) {
                assertThat(request.isUserInRole(role)).as(value + " / " + role)
                        .isEqualTo(user.groups("roles").contains(role));
            }
        }
    }

    @Test
    void namesThePrincipalByTheConfiguredClaimFallingBackToTheSubject() {
        SignedInRequest byEmail = new SignedInRequest(unsupportedRequest(),
                user(Map.of("sub", "alice", "email", "alice@example.com")), config("email"), STORE);
        SignedInRequest noEmail = new SignedInRequest(unsupportedRequest(), user(Map.of("sub", "alice")), config("email"), STORE);

        assertThat(byEmail.getUserPrincipal().getName()).isEqualTo("alice@example.com");
        assertThat(byEmail.getRemoteUser()).isEqualTo("alice@example.com");
        assertThat(byEmail.getUserPrincipal()).isSameAs(byEmail.getUserPrincipal());
        assertThat(noEmail.getUserPrincipal().getName()).isEqualTo("alice");
        assertThat(byEmail.getAuthType()).isEqualTo("OIDC");
    }

    private static SignedInRequest requestOf(Map<String, ?> claims) {
        return new SignedInRequest(unsupportedRequest(), user(claims), config("sub"), STORE);
    }

    private static SignedInUser user(Map<String, ?> claims) {
        return new SignedInUser(new UserClaims(claims),
                new TokenSet("access", null, null, Instant.parse("2030-01-01T00:00:00Z"), List.of("openid")));
    }

    /** The wrapped container request: the wrapper must answer these questions without it. */
    private static HttpServletRequest unsupportedRequest() {
        return (HttpServletRequest) Proxy.newProxyInstance(SignedInRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
