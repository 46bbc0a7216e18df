package dev.imsauth.conformance;

import dev.imsauth.conformance.server.AppServer;
import dev.imsauth.conformance.server.SuiteSettings;
import dev.imsauth.conformance.server.TomcatServer;
import dev.imsauth.conformance.server.WildFlyServer;
import java.nio.file.Path;

/** The containers the suite proves the library on; each home is unpacked by the build (pom.xml). */
public enum ServerKind {
    /** javax: the library's {@code javax} artifact (docs/tomcat9.md). */
    TOMCAT_9("ims.conformance.tomcat9.home"),
    TOMCAT_10("ims.conformance.tomcat10.home"),
    TOMCAT_11("ims.conformance.tomcat11.home"),
    WILDFLY("ims.conformance.wildfly.home");

    private final String homeProperty;

    ServerKind(String homeProperty) {
        this.homeProperty = homeProperty;
    }

    AppServer start(String issuer) {
        Path home = SuiteSettings.path(homeProperty);
        // apache-tomcat-10.1.59 → 10.1.59, wildfly-39.0.1.Final → 39.0.1.Final
        String version = home.getFileName().toString().replaceFirst("^[a-z-]+-(?=\\d)", "");
        return switch (this) {
            case TOMCAT_9 -> TomcatServer.startJavax("Tomcat " + version, home, issuer);
            case TOMCAT_10, TOMCAT_11 -> TomcatServer.start("Tomcat " + version, home, issuer);
            case WILDFLY -> WildFlyServer.start("WildFly " + version, home,
                    SuiteSettings.path("ims.conformance.wildfly.cli"), issuer);
        };
    }
}
