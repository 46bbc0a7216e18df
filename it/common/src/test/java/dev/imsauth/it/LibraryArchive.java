package dev.imsauth.it;

import java.io.File;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Puts the ims-auth library and its runtime dependencies (Nimbus, …) into a test WAR's WEB-INF/lib,
 * exactly as a user's WAR would carry them.
 *
 * <p>The jar is resolved through the IT project's pom.xml, so the test-scoped dependency on
 * {@code dev.imsauth:ims-auth} there must be active and the library installed in the local
 * repository first ({@code mvn -B install} in the repository root; run-tests.sh does). Usage:
 *
 * <pre>{@code
 * @Deployment(testable = false)
 * static WebArchive deployment() {
 *     return LibraryArchive.addImsAuth(SmokeArchive.create("ims-auth-it.war"));
 * }
 * }</pre>
 */
public final class LibraryArchive {

    public static final String COORDINATES = "dev.imsauth:ims-auth";

    private LibraryArchive() {
    }

    public static WebArchive addImsAuth(WebArchive war) {
        return war.addAsLibraries(imsAuthWithDependencies());
    }

    /** The library jar and its compile/runtime dependencies; provided-scope Jakarta APIs are not included. */
    public static File[] imsAuthWithDependencies() {
        return Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve(COORDINATES)
                .withTransitivity()
                .asFile();
    }
}
