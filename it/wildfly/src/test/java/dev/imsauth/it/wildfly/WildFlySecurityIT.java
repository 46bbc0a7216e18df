package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.HttpProbe;
import dev.imsauth.it.wildfly.app.AdminService;
import dev.imsauth.it.wildfly.app.AdminServlet;
import dev.imsauth.it.wildfly.app.EjbServlet;
import dev.imsauth.it.wildfly.app.HeaderAuthenticationMechanism;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A custom Jakarta Security HttpAuthenticationMechanism bean in the WAR takes effect on WildFly
 * (needs integrated-jaspi=false on the undertow application-security-domain, set by the build).
 */
@ExtendWith(ArquillianExtension.class)
class WildFlySecurityIT {

    private static final String USER = HeaderAuthenticationMechanism.HEADER;

    @ArquillianResource
    URL base;

    private final HttpProbe http = new HttpProbe();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "security.war")
                .addClasses(HeaderAuthenticationMechanism.class, AdminServlet.class, AdminService.class,
                        EjbServlet.class)
                .addAsWebInfResource(new StringAsset(dev.imsauth.it.SmokeArchive.BEANS_XML), "beans.xml");
    }

    @Test
    void letsAnAdminThroughAProtectedServletAsThatUser() {
        HttpResponse<String> response = http.get(base, "admin", USER, "bob");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("principal=bob caller=bob admin=true");
    }

    @Test
    void challengesAnonymousCallersOfAProtectedServlet() {
        assertThat(http.get(base, "admin").statusCode()).isEqualTo(401);
    }

    @Test
    void forbidsAProtectedServletToAUserWithoutTheRole() {
        assertThat(http.get(base, "admin", USER, "alice").statusCode()).isEqualTo(403);
    }

    @Test
    void carriesTheIdentityIntoAnEjbWithRolesAllowed() {
        HttpResponse<String> response = http.get(base, "ejb", USER, "bob");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ejb-caller=bob");
    }

    @Test
    void refusesTheEjbToCallersWithoutTheRole() {
        assertThat(http.get(base, "ejb", USER, "alice").statusCode()).isEqualTo(403);
        assertThat(http.get(base, "ejb").statusCode()).isEqualTo(403);
    }
}
