package dev.imsauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the architecture of docs/architecture.md so it does not rot: arrows point one way, the protocol
 * core and the configuration stay container-free, and Nimbus types stay inside the protocol package.
 */
class PackageDependencyTest {
    private static final Path MAIN = Path.of("src/main/java/dev/imsauth");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern OWN = Pattern.compile("dev\\.imsauth\\.(\\w+)");

    /** Which of our packages each package may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "config", Set.of(),
            "protocol", Set.of("config"),
            "session", Set.of("protocol", "config"),
            "client", Set.of("protocol", "config"),
            "web", Set.of("session", "protocol", "config"),
            "servlet", Set.of("web", "session", "protocol", "config"),
            "security", Set.of("web", "servlet", "cdi", "session", "protocol", "config"),
            "cdi", Set.of("web", "session", "protocol", "config", "client"));

    @Test
    void dependenciesBetweenOurPackagesPointOneWay() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package %s is not in the architecture rules", pkg).isNotNull();
            for (String imported : imports(file)) {
                Matcher m = OWN.matcher(imported);
                if (m.lookingAt() && !m.group(1).equals(pkg) && !allowed.contains(m.group(1))) {
                    violations.add(file + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void protocolAndConfigurationImportNoContainerTypes() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            if (pkg.equals("protocol") || pkg.equals("config")) {
                imports(file).stream().filter(i -> i.startsWith("jakarta.") || i.startsWith("org.eclipse.microprofile"))
                        .forEach(i -> violations.add(file + " imports " + i));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void nimbusTypesStayInsideTheProtocolPackage() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            if (!pkg.equals("protocol")) {
                imports(file).stream().filter(i -> i.startsWith("com.nimbusds") || i.startsWith("net.minidev"))
                        .forEach(i -> violations.add(file + " imports " + i));
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources() {
        try (Stream<Path> s = Files.walk(MAIN)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> MAIN.relativize(p).getNameCount() > 1).toList();
            assertThat(files).as("sources found").hasSizeGreaterThan(20);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> imports(Path file) {
        try {
            String text = Files.readString(file);
            List<String> out = new ArrayList<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            // fully qualified references in code count too
            Matcher fq = Pattern.compile("\\b(com\\.nimbusds\\.[\\w.]+|jakarta\\.[\\w.]+)").matcher(text.replaceAll("(?m)^import .*$", ""));
            while (fq.find()) {
                out.add(fq.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
