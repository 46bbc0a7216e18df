package dev.imsauth.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.UserClaims;
import dev.imsauth.web.ImsAuth;
import dev.imsauth.web.SignInFlow;
import dev.imsauth.session.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The injectable beans over a request that a filter or mechanism has handled (or not). */
class ImsTokensTest {
    private static final Instant EXPIRY = Instant.now().plus(Duration.ofHours(1));
    private final RequestStub stub = new RequestStub();
    private final SignInFlow flow = flow(ImsAuthConfig.builder().clientId("portal").principalClaim("email").build());
    private final ImsTokens tokens = new ImsTokens(new CurrentSignIn(stub.request()));
    private final ImsUser user = new ImsUser(new CurrentSignIn(stub.request()));

    @Test
    void givesTheSessionUsersTokenAndClaims() {
        ImsAuth.bind(flow, stub.request());
        stub.sessionAttributes.put(SessionStore.USER_ATTRIBUTE, alice());

        assertThat(tokens.isSignedIn()).isTrue();
        assertThat(tokens.accessToken()).isEqualTo("access-alice");
        assertThat(tokens.authorizationHeader()).isEqualTo("Bearer access-alice");
        assertThat(tokens.expiresAt()).isEqualTo(EXPIRY);
        assertThat(tokens.scopes()).containsExactly("openid", "itwin-platform");
        assertThat(tokens.idTokenClaims()).containsEntry("sub", "alice");
        assertThat(user.subject()).isEqualTo("alice");
        assertThat(user.name()).isEqualTo("Alice Example");
        assertThat(user.email()).contains("alice@example.com");
        assertThat(user.principalName()).isEqualTo("alice@example.com");
        assertThat(user.groups()).containsExactly("admin", "user");
        assertThat(user.claim("org")).contains("Bentley");
    }

    @Test
    void saysNobodyIsSignedInInsteadOfReturningNull() {
        ImsAuth.bind(flow, stub.request());

        assertThat(tokens.isSignedIn()).isFalse();
        assertThat(user.isSignedIn()).isFalse();
        assertThatThrownBy(tokens::accessToken).isInstanceOf(NotSignedInException.class)
                .hasMessage("No user is signed in on this request, so there is no access token; check isSignedIn() "
                        + "first, or protect this URL so that only signed-in users reach it");
        assertThatThrownBy(user::subject).isInstanceOf(NotSignedInException.class);
    }

    @Test
    void seesALogoutEarlierInTheSameRequest() {
        ImsAuth.bind(flow, stub.request());
        stub.sessionAttributes.put(SessionStore.USER_ATTRIBUTE, alice());
        assertThat(tokens.isSignedIn()).isTrue();

        flow.store().signOut(stub.request());

        assertThat(tokens.isSignedIn()).isFalse();
    }

    @Test
    void explainsWhenNoFilterOrMechanismHandledTheRequest() {
        stub.sessionAttributes.put(SessionStore.USER_ATTRIBUTE, alice());

        assertThatThrownBy(tokens::isSignedIn).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ims-auth did not handle this request (/app/page)")
                .hasMessageContaining("map ImsAuthFilter to this URL")
                .hasMessageContaining("@ImsAuthenticationMechanismDefinition");
    }

    @Test
    void neverShowsATokenInToString() {
        ImsAuth.bind(flow, stub.request());
        stub.sessionAttributes.put(SessionStore.USER_ATTRIBUTE, alice());

        assertThat(tokens.toString()).isEqualTo("ImsTokens[signedIn=true]").doesNotContain("access-alice");
        assertThat(user.toString()).isEqualTo("ImsUser[signedIn=true]");
    }

    private static SignedInUser alice() {
        UserClaims claims = new UserClaims(Map.of("sub", "alice", "name", "Alice Example", "email", "alice@example.com",
                "roles", List.of("admin", "user"), "org", "Bentley"));
        return new SignedInUser(claims, new TokenSet("access-alice", "refresh-alice", null, EXPIRY,
                List.of("openid", "itwin-platform")));
    }

    private static SignInFlow flow(ImsAuthConfig config) {
        OidcClient client = OidcClient.create(config.provider(), config.signIn());
        return new SignInFlow(client, new SessionStore(client.clock(), Duration.ofMinutes(10), 10));
    }
}
