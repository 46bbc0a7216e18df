package dev.imsauth.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.MechanismSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tomcat has no Jakarta Security: a WAR that asks for the mechanism there fails to start, saying why. */
@ExtendWith(ArquillianExtension.class)
class TomcatMechanismIT {

    private static final String ISSUER = "https://ims.example.com";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "mechanism-on-tomcat", managed = false, testable = false)
    static WebArchive mechanismOnTomcat() {
        return TomcatArchive.withCdiAndConfig(SignInArchive.create("mechanism-on-tomcat.war", ISSUER,
                SignInArchive.imsSettings(ISSUER)).addClass(MechanismSwitch.class));
    }

    @Test
    void theMechanismAnnotationStopsTheDeploymentAndPointsToTheFilter() throws IOException {
        assertThatThrownBy(() -> deployer.deploy("mechanism-on-tomcat"));

        assertThat(catalinaLog()).contains("@ImsAuthenticationMechanismDefinition on [" + MechanismSwitch.class.getName()
                + "] needs Jakarta Security (jakarta.security.enterprise), which this container does not have; "
                + "on Tomcat, sign in with dev.imsauth.servlet.ImsAuthFilter instead");
    }

    private static String catalinaLog() throws IOException {
        Path logs = Path.of(System.getProperty("ims.it.catalina.home"), "logs");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("catalina.")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
