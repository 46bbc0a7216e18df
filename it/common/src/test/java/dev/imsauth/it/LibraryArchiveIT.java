package dev.imsauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** No container: checks that the helper the container tests will use finds the installed library. */
class LibraryArchiveIT {

    @Test
    void putsTheLibraryAndItsRuntimeDependenciesIntoWebInfLib() {
        WebArchive war = LibraryArchive.addImsAuth(SmokeArchive.create("library.war"));

        String[] jars = Arrays.stream(LibraryArchive.imsAuthWithDependencies()).map(File::getName)
                .toArray(String[]::new);
        assertThat(jars).anyMatch(name -> name.startsWith("ims-auth-"))
                .anyMatch(name -> name.startsWith("oauth2-oidc-sdk-"))
                .noneMatch(name -> name.startsWith("jakarta.servlet-api-"));
        for (String jar : jars) {
            assertThat(war.contains("WEB-INF/lib/" + jar)).as(jar).isTrue();
        }
    }
}
