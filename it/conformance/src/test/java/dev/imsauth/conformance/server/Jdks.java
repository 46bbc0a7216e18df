package dev.imsauth.conformance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK of a given feature release or newer under {@code /usr/lib/jvm}, at run time (never a hard-coded version). */
public final class Jdks {

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /**
     * {@code -D<property>} when set, else the newest Temurin JDK of at least {@code feature} under /usr/lib/jvm,
     * else any JDK that new there.
     */
    public static Path atLeast(int feature, String property) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return newest(feature, "temurin-").or(() -> newest(feature, ""))
                .orElseThrow(() -> new IllegalStateException("No JDK " + feature + "+ under " + JVM_DIR
                        + " (looked for temurin-* first): install one, or name it with -D" + property + "=<JAVA_HOME>"));
    }

    private static Optional<Path> newest(int feature, String prefix) {
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(JVM_DIR)) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith(prefix))
                    .filter(dir -> Files.isExecutable(dir.resolve("bin/java")))
                    .filter(dir -> feature(dir) >= feature)
                    .max(Comparator.comparingInt(Jdks::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature release from the JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"} → 25), 0 if unknown. */
    static int feature(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
