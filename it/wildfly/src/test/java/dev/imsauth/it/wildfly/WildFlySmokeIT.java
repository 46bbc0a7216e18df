package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.SmokeArchive;
import dev.imsauth.it.SmokeTests;
import dev.imsauth.it.wildfly.app.CdiResource;
import dev.imsauth.it.wildfly.app.RestApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Servlet, CDI and MicroProfile Config on WildFly (all provided by the server), plus JAX-RS. */
@ExtendWith(ArquillianExtension.class)
class WildFlySmokeIT extends SmokeTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SmokeArchive.create("smoke.war").addClasses(RestApplication.class, CdiResource.class);
    }

    @Test
    void injectsRequestScopedBeanAndConfigIntoAJaxRsResource() {
        String first = http.get(base, "rest/cdi").body();
        String second = http.get(base, "rest/cdi").body();

        assertThat(first).matches("resource=(\\S+) reader=\\1 greeting=" + SmokeArchive.GREETING_VALUE);
        assertThat(second).matches("resource=(\\S+) reader=\\1 greeting=" + SmokeArchive.GREETING_VALUE);
        assertThat(first).isNotEqualTo(second);
    }
}
