package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.conformance.server.App;
import dev.imsauth.testsupport.BrowserSession;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The mechanism route adds container security: {@code @RolesAllowed} on an EJB sees Keycloak's realm roles. */
@OnServer(ServerKind.WILDFLY)
class WildFlySignInIT extends SignInScenarios {

    @Test
    void letsOnlyAdministratorsCallTheRolesAllowedEjb() {
        assertThat(callEjbAs("bob")).isEqualTo(200);
        assertThat(callEjbAs("alice")).isEqualTo(403);
    }

    private int callEjbAs(String user) {
        URI ejb = server.base(App.PORTAL).resolve("page/admin-ejb");
        try (BrowserSession browser = BrowserSession.start(testName + "-" + user)) {
            browser.open(server.base(App.PORTAL).resolve("page/start"));
            KeycloakLoginPage.signIn(browser, user);
            assertThat(browser.textOf("user")).isEqualTo(user);
            return AppHttp.get(ejb, AppHttp.sessionId(browser)).statusCode();
        }
    }
}
