package dev.imsauth.it.tomcat;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * What a WAR must carry to get CDI and MicroProfile Config on Tomcat: Weld servlet and SmallRye Config
 * with their dependencies, at the versions this project's pom.xml declares. Weld registers itself
 * through its ServletContainerInitializer; SmallRye's CDI extension makes {@code @ConfigProperty} work.
 */
final class TomcatArchive {

    /** Tomcat ships these APIs itself; a second copy in WEB-INF/lib would only be ignored or conflict. */
    private static final Set<String> PROVIDED_BY_TOMCAT = Set.of(
            "jakarta.servlet-api", "jakarta.el-api", "jakarta.annotation-api");

    private TomcatArchive() {
    }

    static WebArchive withCdiAndConfig(WebArchive war) {
        return war.addAsLibraries(cdiAndConfigLibraries());
    }

    static File[] cdiAndConfigLibraries() {
        File[] all = Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.jboss.weld.servlet:weld-servlet-core", "io.smallrye.config:smallrye-config")
                .withTransitivity()
                .asFile();
        return Arrays.stream(all).filter(jar -> !providedByTomcat(jar)).toArray(File[]::new);
    }

    private static boolean providedByTomcat(File jar) {
        return PROVIDED_BY_TOMCAT.stream().anyMatch(api -> jar.getName().startsWith(api + "-"));
    }
}
