package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.MechanismSwitch;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A mechanism whose MicroProfile Config settings cannot work stops the deployment, naming the key. */
@ExtendWith(ArquillianExtension.class)
class WildFlyMechanismConfigIT {

    private static final String ISSUER = "https://ims.example.com";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "no-client-id", managed = false, testable = false)
    static WebArchive withoutClientId() {
        Map<String, String> settings = SignInArchive.imsSettings(ISSUER);
        settings.remove("ims.client-id");
        return SignInArchive.create("no-client-id.war", ISSUER, settings).addClass(MechanismSwitch.class);
    }

    @Deployment(name = "http-issuer", managed = false, testable = false)
    static WebArchive withPlainHttpIssuer() {
        Map<String, String> settings = SignInArchive.imsSettings("http://ims.example.com");
        return SignInArchive.create("http-issuer.war", ISSUER, settings).addClass(MechanismSwitch.class);
    }

    @Test
    void aMissingClientIdStopsTheDeploymentWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> deployer.deploy("no-client-id"))
                .hasStackTraceContaining("ims.client-id: is missing; set it to the client id of the app");
    }

    @Test
    void anInvalidIssuerStopsTheDeploymentWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> deployer.deploy("http-issuer"))
                .hasStackTraceContaining("ims.issuer: must use https; got 'http://ims.example.com'");
    }
}
