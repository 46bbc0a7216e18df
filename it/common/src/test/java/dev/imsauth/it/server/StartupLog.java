package dev.imsauth.it.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a server's log files gained since a mark: the lines of one start (or of one deployment, for tests
 * that read what the server logged about it, such as TomcatLifecycleIT). Logs append across runs (and a file
 * new since the mark is read whole), so only the part written after {@link #mark} counts.
 */
public final class StartupLog {

    /** At most this many lines go into a failure message, each cut to {@link #MAX_LINE} characters. */
    static final int MAX_LINES = 25;
    static final int MAX_LINE = 400;

    private final Path directory;
    private final Predicate<String> isLogFile;
    private final Map<Path, Long> sizes;

    private StartupLog(Path directory, Predicate<String> isLogFile, Map<Path, Long> sizes) {
        this.directory = directory;
        this.isLogFile = isLogFile;
        this.sizes = sizes;
    }

    /** Notes how long each log file in {@code directory} is now. */
    public static StartupLog mark(Path directory, Predicate<String> isLogFile) {
        return new StartupLog(directory, isLogFile,
                logFiles(directory, isLogFile).stream().collect(Collectors.toMap(f -> f, StartupLog::size)));
    }

    /** The lines written since the mark that {@code wanted} accepts, the first {@link #MAX_LINES} of them. */
    public List<String> newLines(Predicate<String> wanted) {
        List<String> lines = new ArrayList<>();
        for (Path file : logFiles(directory, isLogFile)) {
            long from = sizes.getOrDefault(file, 0L);
            readFrom(file, from > size(file) ? 0 : from).lines()
                    .filter(wanted)
                    .map(String::strip)
                    .map(line -> line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line)
                    .forEach(lines::add);
        }
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }

    String describe() {
        return directory.toString();
    }

    private static List<Path> logFiles(Path directory, Predicate<String> isLogFile) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> isLogFile.test(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path file, long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(in.length() - offset, 8L * 1024 * 1024)];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
