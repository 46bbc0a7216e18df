package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists exactly the jars in WEB-INF/lib: the list there is the list of the WAR this build
 * made (the exploded example WAR; the library's own jar as {@code ims-auth-{version}.jar}).
 */
class WarLibrariesIT {
    private static final Path DOC = Path.of("..", "docs", "operations.md");
    private static final Pattern ITEM = Pattern.compile("^- `([^`]+\\.jar)`");

    @Test
    void theDocsListExactlyTheJarsOfTheExampleWar() throws IOException {
        Path lib = Path.of(System.getProperty("example.war.dir", "target/ims-auth-webapp-example"), "WEB-INF", "lib");
        List<String> inWar;
        try (Stream<Path> jars = Files.list(lib)) {
            inWar = jars.map(p -> p.getFileName().toString())
                    .map(name -> name.matches("ims-auth-\\d.*\\.jar") ? "ims-auth-{version}.jar" : name)
                    .sorted().toList();
        }

        assertThat(documented()).as("the jars docs/operations.md lists, against %s", lib)
                .containsExactlyInAnyOrderElementsOf(inWar);
    }

    private static List<String> documented() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("## What ends up in WEB-INF/lib");
        assertThat(start).as("the section in docs/operations.md").isNotNegative();
        return lines.subList(start, lines.size()).stream().takeWhile(l -> !l.startsWith("## ") || l.contains("WEB-INF"))
                .map(ITEM::matcher).filter(Matcher::find).map(m -> m.group(1)).sorted().toList();
    }
}
