package dev.imsauth.it.tomcat;

import dev.imsauth.it.service.ServiceClientsArchive;
import dev.imsauth.it.service.ServiceClientsTests;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/service-clients.md on Tomcat 10.1: Weld servlet and SmallRye Config in the WAR, no sign-in at all. */
@ExtendWith(ArquillianExtension.class)
class TomcatServiceClientsIT extends ServiceClientsTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TomcatArchive.withCdiAndConfig(ServiceClientsArchive.create("service-clients.war", OP.issuer(),
                API.baseUrl()));
    }
}
