package dev.imsauth.it.wildfly;

import dev.imsauth.it.service.ServiceClientsArchive;
import dev.imsauth.it.service.ServiceClientsTests;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/service-clients.md on WildFly 39: CDI and MicroProfile Config from the server, no sign-in at all. */
@ExtendWith(ArquillianExtension.class)
class WildFlyServiceClientsIT extends ServiceClientsTests {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ServiceClientsArchive.create("service-clients.war", OP.issuer(), API.baseUrl());
    }
}
