package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.SignOutTests;
import dev.imsauth.it.wildfly.app.AdminService;
import dev.imsauth.it.wildfly.app.CallerServlet;
import dev.imsauth.it.signin.app.MechanismSwitch;
import dev.imsauth.testsupport.TestOpenIdProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jakarta Security route on WildFly: {@code @ImsAuthenticationMechanismDefinition} on a bean, settings in
 * {@code META-INF/microprofile-config.properties}, and standard security constraints in web.xml — no filter.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyMechanismIT extends SignOutTests {

    /** Started before the deployment is built, so the application finds its provider at start. */
    private static final TestOpenIdProvider OP = startProvider();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SignInArchive.create("mechanism.war", OP.issuer(), SignInArchive.imsSettings(OP.issuer()))
                .addClasses(MechanismSwitch.class, CallerServlet.class, AdminService.class)
                .setWebXML(SignInArchive.webXml("""
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>signed-in users</web-resource-name>
                              <url-pattern>/protected/*</url-pattern>
                              <url-pattern>/tokens</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                        """));
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @Override
    protected TestOpenIdProvider op() {
        return OP;
    }

    @Test
    void securityContextAndEjbRolesAllowedKnowTheCaller() {
        assertThat(signedIn(BOB).get(url("protected/caller")).body())
                .isEqualTo("caller=bob@example.com admin=true ejb=bob@example.com");
        assertThat(signedIn(ALICE).get(url("protected/caller")).body())
                .isEqualTo("caller=alice@example.com admin=false ejb=refused");
    }
}
