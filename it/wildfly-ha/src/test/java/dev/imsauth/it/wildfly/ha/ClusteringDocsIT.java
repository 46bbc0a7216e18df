package dev.imsauth.it.wildfly.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WildFly steps of docs/clustering.md are the ones the cluster test takes: every management operation its
 * CLI block prints is in src/test/wildfly/configure-ha.cli, which the build runs, and the other way round; its
 * distributable-web.xml is the one WildFlyClusterIT's WAR carries.
 */
class ClusteringDocsIT {

    @Test
    void theDocumentedCliOperationsAreTheOnesTheBuildRuns() throws IOException {
        String doc = Files.readString(Path.of("..", "..", "docs", "clustering.md"));
        String section = doc.substring(doc.indexOf("## Tested set-up: two WildFly 39 nodes"));
        String block = section.substring(section.indexOf("```\n") + 4);
        block = block.substring(0, block.indexOf("```"));
        List<String> documented = operations(block);
        List<String> run = operations(Files.readString(Path.of("src", "test", "wildfly", "configure-ha.cli")));

        assertThat(documented).hasSizeGreaterThan(10).containsExactlyElementsOf(run);
    }

    @Test
    void theDocumentedDistributableWebXmlIsTheOneTheWarCarries() throws IOException {
        String doc = Files.readString(Path.of("..", "..", "docs", "clustering.md"));
        String xml = Files.readString(Path.of("src", "test", "wildfly", "distributable-web.xml"));

        assertThat(stripped(doc)).contains(stripped(xml));
    }

    /** Every line without its indentation. */
    private static String stripped(String text) {
        return String.join("\n", text.lines().map(String::strip).toList());
    }

    /** The lines that start with "/" (operations), without indentation, in order. */
    private static List<String> operations(String text) {
        return text.lines().map(String::strip).filter(line -> line.startsWith("/")).toList();
    }
}
