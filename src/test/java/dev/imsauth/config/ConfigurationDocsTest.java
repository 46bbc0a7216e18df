package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key of the {@link ConfigKey} table, with its environment variable and its
 * default, in its tables — and no key the table lacks.
 */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("docs", "configuration.md");

    @Test
    void everyConfigKeyHasARowWithItsEnvironmentVariableInConfigurationMd() throws IOException {
        List<String> missing = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (row(key).filter(cells -> cells.get(1).equals("`" + key.environmentVariable() + "`")).isEmpty()) {
                missing.add("| `" + key.key() + "` | `" + key.environmentVariable() + "` | … (" + key.summary() + ")");
            }
        }
        assertThat(missing)
                .as("ConfigKey entries without a row \"| `key` | `ENV_NAME` | default | …\" in " + DOC.toAbsolutePath())
                .isEmpty();
    }

    @Test
    void theDocumentedDefaultIsTheTablesDefault() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> documented = row(key).map(cells -> cells.get(2));
            Optional<String> expected = key.defaultValue().map(d -> "`" + d + "`");
            boolean agrees = documented.isPresent() && expected.map(documented.get()::startsWith)
                    .orElse(!documented.get().startsWith("`"));
            if (!agrees) {
                wrong.add(key.key() + ": documented " + documented.orElse("(no row)") + ", ConfigKey has "
                        + key.defaultValue().orElse("no default"));
            }
        }
        assertThat(wrong).as("the default column of configuration.md against ConfigKey's defaults").isEmpty();
    }

    @Test
    void configurationMdDocumentsNoKeyThatDoesNotExist() throws IOException {
        List<String> unknown = rows().stream().map(cells -> cells.get(0).replace("`", ""))
                .filter(key -> ConfigKey.named(key).isEmpty()).toList();
        assertThat(unknown).as("rows in configuration.md for keys that ConfigKey lacks").isEmpty();
    }

    @Test
    void theEnvironmentSourceReadsTheDocumentedVariable() {
        for (ConfigKey key : ConfigKey.values()) {
            ConfigSource env = ConfigSource.environment(java.util.Map.of(key.environmentVariable(), " v "));
            assertThat(env.get(key.key())).as(key.key()).contains("v");
        }
    }

    private static Optional<List<String>> row(ConfigKey key) throws IOException {
        return rows().stream().filter(cells -> cells.get(0).equals("`" + key.key() + "`")).findFirst();
    }

    /** The cells of every table row that documents a key, trimmed. */
    private static List<List<String>> rows() throws IOException {
        return Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| `ims."))
                .map(line -> Arrays.stream(line.substring(1).split(" \\| ")).map(String::trim).toList()).toList();
    }
}
