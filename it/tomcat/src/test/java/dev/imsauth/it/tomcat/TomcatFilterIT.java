package dev.imsauth.it.tomcat;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.SignInTests;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The filter route on Tomcat 10.1 with CDI (Weld servlet) and JAX-RS (RESTEasy) in the WAR, and no
 * MicroProfile Config: ImsAuthFilter in web.xml with its init-params signs users in, and the same injected
 * beans serve servlets, JAX-RS resources and other CDI beans.
 */
@ExtendWith(ArquillianExtension.class)
class TomcatFilterIT extends SignInTests {

    /** Started before the deployment is built, so the filter finds its provider at start. */
    private static final TestOpenIdProvider OP = startProvider();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = SignInArchive.imsSettings(OP.issuer());
        settings.put("ims.public-paths", "/public/*, /rest/*");
        WebArchive war = SignInArchive.create("filter.war", OP.issuer(), Map.of()).setWebXML(filterWebXml(settings));
        return TomcatArchive.withCdiAndJaxRs(war);
    }

    /** A web.xml declaring ImsAuthFilter on {@code /*} with these settings as its init-params (README's way). */
    static StringAsset filterWebXml(Map<String, String> settings) {
        String initParams = settings.entrySet().stream()
                .map(e -> "    <init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></init-param>")
                .collect(Collectors.joining("\n"));
        return SignInArchive.webXml("""
                  <filter>
                    <filter-name>ims-auth</filter-name>
                    <filter-class>dev.imsauth.servlet.ImsAuthFilter</filter-class>
                %s
                  </filter>
                  <filter-mapping>
                    <filter-name>ims-auth</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                """.formatted(initParams));
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @Override
    protected TestOpenIdProvider op() {
        return OP;
    }
}
