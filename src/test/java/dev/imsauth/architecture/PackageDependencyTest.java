package dev.imsauth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the architecture of docs/architecture.md so it does not rot. The package graph drawn there is the rule:
 * every import between our packages must be an arrow of that graph (so whatever the page does not draw is
 * forbidden: cdi or servlet towards security, web towards an adapter, anything upwards), the graph has no cycle,
 * and a labelled arrow ("ImsAuthInitializer only") is used by that class only. The protocol core and the
 * configuration stay container-free, and Nimbus types stay inside the protocol package.
 */
class PackageDependencyTest {
    private static final Path MAIN = Path.of("src/main/java/dev/imsauth");
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern OWN = Pattern.compile("dev\\.imsauth\\.(\\w+)");
    /** {@code a --> b} or {@code a -- "Class only" --> b} in the page's package graph. */
    private static final Pattern ARROW = Pattern.compile("^\\s*(\\w+)\\s*(?:--\\s*\"(\\w+) only\"\\s*)?-->\\s*(\\w+)\\s*$",
            Pattern.MULTILINE);
    private static final Set<String> PACKAGES = Set.of("config", "protocol", "session", "client", "web", "servlet",
            "security", "cdi", "event");

    @Test
    void dependenciesBetweenOurPackagesAreArrowsOfTheDocumentedGraph() {
        Map<String, String> arrows = documentedArrows();
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            assertThat(PACKAGES).as("package %s is not in the architecture rules", pkg).contains(pkg);
            for (String imported : imports(file)) {
                Matcher m = OWN.matcher(imported);
                if (!m.lookingAt() || m.group(1).equals(pkg)) {
                    continue;
                }
                String arrow = pkg + "->" + m.group(1);
                String onlyFor = arrows.get(arrow);
                if (onlyFor == null) {
                    violations.add(file + " imports " + imported + ", but docs/architecture.md draws no " + arrow);
                } else if (!onlyFor.isEmpty() && !file.getFileName().toString().equals(onlyFor + ".java")) {
                    violations.add(file + " imports " + imported + ", but " + arrow + " is for " + onlyFor + " only");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theDocumentedGraphForbidsWhatThePageSaysAndHasNoCycle() {
        Map<String, String> arrows = documentedArrows();
        assertThat(arrows.keySet()).as("arrows the page forbids").doesNotContain("cdi->security", "cdi->servlet",
                "servlet->security", "servlet->cdi", "web->servlet", "web->security", "web->cdi", "session->web",
                "protocol->session", "config->protocol", "client->web", "client->session");
        for (String from : PACKAGES) {
            assertThat(reachable(from, arrows)).as("packages %s reaches; none may lead back to it", from)
                    .doesNotContain(from);
        }
    }

    /** The arrows of the page's package graph as "from->to", each with the one class it is for ("" for any). */
    private static Map<String, String> documentedArrows() {
        try {
            String page = Files.readString(DOC);
            int start = page.indexOf("## Packages and their roles");
            String graph = page.substring(page.indexOf("```mermaid", start), page.indexOf("```\n", page.indexOf("```mermaid", start) + 3));
            Map<String, String> arrows = new HashMap<>();
            Matcher m = ARROW.matcher(graph);
            while (m.find()) {
                arrows.put(m.group(1) + "->" + m.group(3), m.group(2) == null ? "" : m.group(2));
            }
            assertThat(arrows).as("arrows in the package graph of %s", DOC).hasSizeGreaterThan(10);
            return arrows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> reachable(String from, Map<String, String> arrows) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String at = todo.pop();
            for (String arrow : arrows.keySet()) {
                String[] ends = arrow.split("->");
                if (ends[0].equals(at) && seen.add(ends[1])) {
                    todo.push(ends[1]);
                }
            }
        }
        return seen;
    }

    @Test
    void protocolAndConfigurationImportNoContainerTypes() {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            if (pkg.equals("protocol") || pkg.equals("config") || pkg.equals("event")) {
                imports(file).stream().filter(i -> i.startsWith("jakarta.") || i.startsWith("javax.servlet")
                                || i.startsWith("org.eclipse.microprofile"))
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
