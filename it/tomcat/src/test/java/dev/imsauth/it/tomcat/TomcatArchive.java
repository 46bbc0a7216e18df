package dev.imsauth.it.tomcat;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * What a WAR must carry to get CDI and MicroProfile Config on Tomcat: Weld servlet and SmallRye Config
 * with their dependencies, at the versions this project's pom.xml declares (and RESTEasy for JAX-RS, for a WAR that wants it). Weld registers itself
 * through its ServletContainerInitializer; SmallRye's CDI extension makes {@code @ConfigProperty} work.
 */
final class TomcatArchive {

    /** Tomcat ships these APIs itself; a second copy in WEB-INF/lib would only be ignored or conflict. */
    private static final Set<String> PROVIDED_BY_TOMCAT = Set.of(
            "jakarta.servlet-api", "jakarta.el-api", "jakarta.annotation-api");

    private static final String[] CDI_AND_CONFIG = {
        "org.jboss.weld.servlet:weld-servlet-core", "io.smallrye.config:smallrye-config"};
    private static final String[] CDI_AND_JAX_RS = {
        "org.jboss.weld.servlet:weld-servlet-core",
        "org.jboss.resteasy:resteasy-servlet-initializer", "org.jboss.resteasy:resteasy-cdi"};

    private TomcatArchive() {
    }

    static WebArchive withCdiAndConfig(WebArchive war) {
        return war.addAsLibraries(libraries(CDI_AND_CONFIG));
    }

    /** CDI and JAX-RS (RESTEasy, with its CDI integration and servlet initializer), no MicroProfile Config. */
    static WebArchive withCdiAndJaxRs(WebArchive war) {
        return war.addAsLibraries(libraries(CDI_AND_JAX_RS));
    }

    static File[] cdiAndConfigLibraries() {
        return libraries(CDI_AND_CONFIG);
    }

    /** Resolved together, so that what they share comes once, at one version. */
    private static File[] libraries(String... coordinates) {
        File[] all = Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve(coordinates)
                .withTransitivity()
                .asFile();
        return Arrays.stream(all).filter(jar -> !providedByTomcat(jar)).toArray(File[]::new);
    }

    private static boolean providedByTomcat(File jar) {
        return PROVIDED_BY_TOMCAT.stream().anyMatch(api -> jar.getName().startsWith(api + "-"));
    }
}
