package dev.imsauth.it.tomcat9;

import static dev.imsauth.it.tomcat9.Tomcat9Portal.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.tomcat9.app.CdiServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The javax jar's CDI beans on Tomcat 9 with Weld 3 (CDI 2.0) in the WAR: behind the filter, an injected
 * {@code ImsUser} and {@code ImsTokens} serve the signed-in user's claims and the same token {@code ImsAuth}
 * gives.
 */
@ExtendWith(ArquillianExtension.class)
class Tomcat9CdiIT {

    /** Tomcat 9 has these APIs itself. */
    private static final Set<String> PROVIDED_BY_TOMCAT = Set.of("javax.servlet-api-", "jboss-el-api_3.0_spec-");

    private static final TestOpenIdProvider OP = Tomcat9Portal.startProvider();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        File[] weld = Maven.resolver().loadPomFromFile("pom.xml").resolve("org.jboss.weld.servlet:weld-servlet-core")
                .withTransitivity().asFile();
        return Tomcat9Portal.war()
                .addClass(CdiServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(Arrays.stream(weld)
                        .filter(jar -> PROVIDED_BY_TOMCAT.stream().noneMatch(jar.getName()::startsWith))
                        .toArray(File[]::new));
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @BeforeEach
    void registerThePortal() {
        Tomcat9Portal.register(OP, base);
    }

    @Test
    void theInjectedBeansServeTheSignedInUserAndTheirToken() {
        BrowserlessClient browser = Tomcat9Portal.signedIn(base, BOB);

        String report = browser.get(Tomcat9Portal.url(base, "protected/cdi")).body();
        String fromImsAuth = browser.get(Tomcat9Portal.url(base, "protected/tokens")).body();

        assertThat(report).startsWith("subject=bob groups=[admin, user] token=");
        assertThat(Tomcat9Portal.token(report)).isEqualTo(Tomcat9Portal.token(fromImsAuth));
    }
}
