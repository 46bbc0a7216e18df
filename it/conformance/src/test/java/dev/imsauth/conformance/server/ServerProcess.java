package dev.imsauth.conformance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A server started as an operating-system process (Keycloak, Tomcat, WildFly), its output in one log file.
 * {@link #stop()} ends it and every process it started; a shutdown hook does the same when the test JVM
 * exits without stopping it, so a failed run leaves no server behind.
 */
public final class ServerProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerProcess.class.getName());
    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;
    private final long startedAt = System.nanoTime();

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::destroyTree, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code dir} with {@code env} added to this JVM's environment, output to {@code log}. */
    public static ServerProcess start(String name, List<String> command, Path dir, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            LOG.log(System.Logger.Level.INFO, "starting {0}: {1} (log {2})", name, String.join(" ", command), log);
            return new ServerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " with " + command, e);
        }
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    /** Seconds since the start, for the timings the suite reports. */
    public long secondsSinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
    }

    /**
     * Waits until {@code ready} holds. Fails, naming the log file and showing its end, when the process exits
     * first or {@code timeout} passes.
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw failure(name + " exited with status " + process.exitValue() + " before " + what);
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " did not get to " + what + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    /** Waits for a command (not a server) to end; fails naming its log unless it ends with status 0 in time. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure(name + " did not end within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw failure(name + " ended with status " + process.exitValue());
        }
    }

    /** Whether the log holds a line matching {@code pattern}. */
    public boolean logContains(Pattern pattern) {
        return logLines().stream().anyMatch(line -> pattern.matcher(line).find());
    }

    public List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An exception whose message says what went wrong, where the full log is, and its last lines. */
    public IllegalStateException failure(String message) {
        List<String> lines = logLines();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        return new IllegalStateException(message + "; see " + log + ", which ends with:\n" + tail);
    }

    /** Ends the server (its own shutdown first, then forcibly) and every process it started. */
    public void stop() {
        destroyTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        LOG.log(System.Logger.Level.INFO, "{0} stopped after {1} s", name, secondsSinceStart());
    }

    @Override
    public void close() {
        stop();
    }

    private void destroyTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
