package dev.imsauth.it.tomcat;

import dev.imsauth.it.SmokeArchive;
import dev.imsauth.it.SmokeTests;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Servlet, CDI (Weld servlet in the WAR) and MicroProfile Config (SmallRye in the WAR) on Tomcat 10.1. */
@ExtendWith(ArquillianExtension.class)
class TomcatSmokeIT extends SmokeTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TomcatArchive.withCdiAndConfig(SmokeArchive.create("smoke.war"));
    }
}
