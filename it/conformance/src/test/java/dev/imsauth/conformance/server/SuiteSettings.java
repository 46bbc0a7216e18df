package dev.imsauth.conformance.server;

import java.nio.file.Path;

/** The paths pom.xml hands the tests as system properties (failsafe's systemPropertyVariables). */
public final class SuiteSettings {

    private SuiteSettings() {
    }

    public static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the suite with"
                    + " mvn -B -f it/conformance/pom.xml verify, which sets it");
        }
        return Path.of(value);
    }

    /** {@code target/conformance/<name>}: work directories and logs of this run. */
    public static Path work(String name) {
        return path("ims.conformance.work").resolve(name);
    }
}
