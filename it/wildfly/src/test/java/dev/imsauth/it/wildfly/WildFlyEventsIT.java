package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.events.EventsArchive;
import dev.imsauth.it.events.app.AuditObserver;
import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.MechanismSwitch;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/events.md on the Jakarta Security mechanism route, on WildFly: an application-scoped bean with an
 * {@code @Observes ImsAuthEvent} method (and nothing else registered) sees a sign-in made in headless Chromium and a
 * rejected callback with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyEventsIT {
    private static final TestUser ALICE = new TestUser("alice", "Alice Example", "alice@example.com", List.of("user"),
            Map.of());
    private static final TestOpenIdProvider OP = TestOpenIdProvider.start().addUser(ALICE).setDefaultUser(ALICE);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = SignInArchive.create("events.war", OP.issuer(), SignInArchive.imsSettings(OP.issuer()))
                .addClasses(MechanismSwitch.class, AuditObserver.class)
                .setWebXML(SignInArchive.protectedWebXml());
        return EventsArchive.withAuditTrail(war, List.of(), List.of());
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @BeforeEach
    void registerTheApplication() {
        OP.registerClient(SignInArchive.CLIENT_ID, null, url("signin-oidc"));
    }

    @Test
    void aCdiObserverSeesASignInMadeInChromiumAndARejectedCallback() {
        String cookie = EventsArchive.signInInChromium("WildFlyEventsIT", url("protected/page"),
                "principal=alice@example.com");
        new BrowserlessClient().get(url("signin-oidc?code=x&state=never-issued"));

        List<String> audit = EventsArchive.audit(url("public/audit"));

        assertThat(audit).anySatisfy(line -> assertThat(line).startsWith("cdi SIGNED_IN subject=alice session=")
                .endsWith(" reason=ok").matches(".* session=[A-Za-z0-9_-]{22} .*"));
        assertThat(audit).anySatisfy(line -> assertThat(line).startsWith("cdi CALLBACK_REJECTED subject=- ")
                .endsWith(" reason=state_mismatch"));
        assertThat(String.join("\n", audit)).doesNotContain(cookie.split("\\.")[0]);
    }

    private String url(String relative) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root : root + "/") + relative;
    }
}
