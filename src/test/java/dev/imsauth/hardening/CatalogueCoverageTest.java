package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Counts the attack and fault catalogue (shared/security-catalogue.md, sections A-H, and this project's own
 * cases from section I on) against the suite: every case id
 * is either covered by at least one test carrying {@code @Catalogue("<id>")}, or listed in
 * docs/security.md as N/A or pending with its reason. The table in docs/security.md names the tests of
 * each covered case, and they must really carry that id; its "catalogue cases covered: N of M" line must
 * match what this test counts. Prints the count.
 */
class CatalogueCoverageTest {
    /** Every case id of the catalogue (shared/security-catalogue.md; cross-checked when that file is at hand). */
    static final List<String> ALL = List.of(
            "A01", "A02", "A04", "A05", "A06", "A07", "A08", "A09", "A10", "A11", "A12", "A13", "A14", "A15",
            "A16", "A17", "A18", "A19", "A20", "A21", "A22", "A23", "A24", "A25", "A29", "A30",
            "B01", "B02", "B03", "B04",
            "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12", "C14", "C15",
            "C16", "C17", "C18", "C19", "C20", "C21", "C23", "C24",
            "D01", "D02", "D03", "D04", "D06", "D07", "D08",
            "E01", "E02", "E03", "E04", "E05", "E06", "E07", "E09", "E10", "E11",
            "F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F11", "F12", "F13", "F14", "F16",
            "G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08",
            "H01", "H02", "H03", "H04", "H05",
            "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09", "I10", "I11", "I12");
    /** The sections of the shared catalogue; later letters are this project's own cases (docs/security.md). */
    private static final Pattern SHARED = Pattern.compile("[A-H]\\d\\d");
    /**
     * This library's own cases beyond the shared catalogue: OIDC Back-Channel Logout 1.0 (§2.6 logout-token
     * checks, ending sessions on every node), listed in docs/security.md like the shared ones.
     */
    static final List<String> OWN = List.of("L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10",
            "L11", "L12", "L13", "L14", "L15");
    private static final Path DOC = Path.of("docs", "security.md");
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*([A-Z]\\d\\d)\\s*\\|([^|]*)\\|([^|]*)\\|\\s*(covered|N/A|pending)\\s*\\|([^|]*)\\|\\s*$");

    /** One row of the docs table. */
    record Row(String id, String status, String reasonOrBehaviour, List<String> tests) {
    }

    @Test
    void everyCatalogueCaseIsTestedOrExplainedInDocsSecurityMd() throws IOException {
        crossCheckWithTheSharedCatalogue();
        Map<String, Set<String>> annotated = annotatedTests();
        annotated.forEach((id, tests) -> System.out.println("  " + id + "\t" + String.join(", ", tests)));
        Map<String, Row> rows = rows();
        List<String> every = Stream.concat(ALL.stream(), OWN.stream()).toList();

        assertThat(rows.keySet()).as("docs/security.md has one row per catalogue case")
                .containsExactlyInAnyOrderElementsOf(every);
        assertThat(every).as("@Catalogue ids are catalogue ids").containsAll(annotated.keySet());
        int ownCovered = 0;
        int covered = 0;
        int notApplicable = 0;
        int pending = 0;
        for (Row row : rows.values()) {
            Set<String> tests = annotated.getOrDefault(row.id(), Set.of());
            switch (row.status()) {
                case "covered" -> {
                    if (OWN.contains(row.id())) {
                        ownCovered++;
                    } else {
                        covered++;
                    }
                    assertThat(tests).as("%s is marked covered but no test carries @Catalogue(\"%s\")", row.id(), row.id())
                            .isNotEmpty();
                    assertThat(row.tests()).as("%s names its tests", row.id()).isNotEmpty();
                    assertThat(tests).as("the tests docs/security.md names for %s carry its id", row.id())
                            .containsAll(row.tests());
                }
                case "N/A", "pending" -> {
                    if (row.status().equals("N/A")) {
                        notApplicable++;
                    } else {
                        pending++;
                    }
                    assertThat(tests).as("%s is %s but tested: mark it covered", row.id(), row.status()).isEmpty();
                    assertThat(row.reasonOrBehaviour().strip()).as("%s gives its reason", row.id()).hasSizeGreaterThan(20);
                }
                default -> throw new AssertionError(row.status());
            }
        }
        String line = "catalogue cases covered: " + covered + " of " + ALL.size();
        System.out.println(line + " (" + notApplicable + " not applicable, " + pending + " pending; "
                + annotated.values().stream().flatMap(Set::stream).distinct().count() + " test methods tagged)");
        assertThat(Files.readString(DOC)).as("docs/security.md records the count").contains(line);
        String own = "back-channel logout cases covered: " + ownCovered + " of " + OWN.size();
        System.out.println(own);
        assertThat(Files.readString(DOC)).as("docs/security.md records the back-channel count").contains(own);
    }

    /** id -> {"Class#method"} for every test method under dev.imsauth carrying @Catalogue. */
    static Map<String, Set<String>> annotatedTests() throws IOException {
        Path root;
        try {
            root = Path.of(CatalogueCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> byId = new TreeMap<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root.resolve("dev/imsauth"))) {
            classFiles = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : classFiles) {
            String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                    .replaceAll("\\.class$", "");
            Class<?> type;
            Method[] methods;
            try {
                type = Class.forName(name, false, CatalogueCoverageTest.class.getClassLoader());
                methods = type.getDeclaredMethods();
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Method m : methods) {
                Catalogue c = m.getAnnotation(Catalogue.class);
                if (c != null) {
                    for (String id : c.value()) {
                        byId.computeIfAbsent(id, k -> new TreeSet<>()).add(type.getSimpleName() + "#" + m.getName());
                    }
                }
            }
        }
        return byId;
    }

    private static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                List<String> tests = new ArrayList<>();
                for (String t : m.group(5).split(",")) {
                    String name = t.strip().replace("`", "");
                    if (!name.isEmpty() && !name.equals("—")) {
                        tests.add(name);
                    }
                }
                Row previous = rows.put(m.group(1), new Row(m.group(1), m.group(4), m.group(3), tests));
                assertThat(previous).as("one row for %s", m.group(1)).isNull();
            }
        }
        return rows;
    }

    /** When shared/security-catalogue.md is beside the project, its ids must be exactly {@link #ALL}. */
    private static void crossCheckWithTheSharedCatalogue() throws IOException {
        for (Path candidate : List.of(Path.of("..", "shared", "security-catalogue.md"),
                Path.of("..", "..", "shared", "security-catalogue.md"))) {
            if (Files.isRegularFile(candidate)) {
                Set<String> ids = new LinkedHashSet<>();
                Matcher m = Pattern.compile("(?m)^([A-H]\\d\\d) ").matcher(Files.readString(candidate));
                while (m.find()) {
                    ids.add(m.group(1));
                }
                assertThat(ids).as("the ids of %s", candidate)
                        .containsExactlyInAnyOrderElementsOf(ALL.stream().filter(id -> SHARED.matcher(id).matches()).toList());
                return;
            }
        }
    }
}
