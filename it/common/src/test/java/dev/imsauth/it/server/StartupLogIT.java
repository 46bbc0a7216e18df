package dev.imsauth.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link ServerStartCheck} reads a server's log: only what one start wrote (logs append across runs). No
 * container: a plain JUnit class in failsafe's run.
 */
class StartupLogIT {

    @Test
    void readsOnlyTheLinesWrittenSinceTheMark(@TempDir Path logs) throws Exception {
        Path log = Files.writeString(logs.resolve("server.log"), "ERROR from an earlier run\n");
        StartupLog startup = StartupLog.mark(logs, "server.log"::equals);

        Files.writeString(log, "INFO booting\nERROR Address already in use /127.0.0.1:8180\n",
                StandardOpenOption.APPEND);

        assertThat(startup.newLines(line -> line.startsWith("ERROR")))
                .containsExactly("ERROR Address already in use /127.0.0.1:8180");
    }

    @Test
    void readsALogFileThatAppearedAfterTheMarkWholeAndIgnoresOtherFiles(@TempDir Path logs) throws Exception {
        StartupLog startup = StartupLog.mark(logs, name -> name.startsWith("catalina."));

        Files.writeString(logs.resolve("catalina.2026-11-30.log"), "SEVERE Failed to initialize component\n");
        Files.writeString(logs.resolve("localhost_access_log.txt"), "SEVERE not a startup log\n");

        assertThat(startup.newLines(line -> line.startsWith("SEVERE")))
                .containsExactly("SEVERE Failed to initialize component");
    }

    @Test
    void keepsTheMessageShortWhenTheLogIsLong(@TempDir Path logs) throws Exception {
        StartupLog startup = StartupLog.mark(logs, "server.log"::equals);

        Files.writeString(logs.resolve("server.log"), IntStream.range(0, 100)
                .mapToObj(i -> "ERROR " + i + " " + "x".repeat(1000)).collect(Collectors.joining("\n")));

        assertThat(startup.newLines(line -> true))
                .hasSize(StartupLog.MAX_LINES)
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(StartupLog.MAX_LINE + 2))
                .first().asString().startsWith("ERROR 0 ");
    }

    @Test
    void findsNothingWhenTheLogDirectoryDoesNotExistYet(@TempDir Path tmp) {
        StartupLog startup = StartupLog.mark(tmp.resolve("logs"), "server.log"::equals);

        assertThat(startup.newLines(line -> true)).isEmpty();
    }
}
