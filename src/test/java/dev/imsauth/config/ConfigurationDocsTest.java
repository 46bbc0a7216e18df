package dev.imsauth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key in {@link ConfigKeys}, with its environment variable, in its table. */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("docs", "configuration.md");

    @Test
    void everyConfigKeyHasARowWithItsEnvironmentVariableInConfigurationMd() throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| `ims.")).toList();
        List<String> missing = new ArrayList<>();
        for (String key : keys()) {
            String env = ConfigSource.environmentName(key);
            boolean documented = rows.stream().anyMatch(row -> row.startsWith("| `" + key + "`")
                    && row.contains("`" + env + "`"));
            if (!documented) {
                missing.add(key + " (" + env + ")");
            }
        }
        assertThat(missing)
                .as("ConfigKeys constants without a row \"| `key` | `ENV_NAME` | …\" in " + DOC.toAbsolutePath())
                .isEmpty();
    }

    @Test
    void configurationMdDocumentsNoKeyThatDoesNotExist() throws IOException {
        List<String> keys = keys();
        List<String> unknown = Files.readAllLines(DOC).stream().filter(line -> line.startsWith("| `ims."))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .filter(key -> !keys.contains(key)).toList();
        assertThat(unknown).as("rows in configuration.md for keys that ConfigKeys lacks").isEmpty();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Field field : ConfigKeys.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(keys).as("ConfigKeys constants").isNotEmpty();
        return keys;
    }
}
