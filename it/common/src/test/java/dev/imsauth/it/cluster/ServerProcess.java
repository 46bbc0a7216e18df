package dev.imsauth.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server of a test cluster run as its own process (Tomcat's Bootstrap, WildFly's standalone.sh): started,
 * awaited until the application answers and its log shows given lines, stopped, or killed like a crash with
 * every process it started.
 */
public abstract class ServerProcess implements ClusterNode, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name;
    private Process process;

    protected ServerProcess(String name) {
        this.name = name;
    }

    /** The log {@link #awaitUp} reads. */
    protected abstract Path log();

    /** A path of the application that answers 200 without a session once it is deployed. */
    protected abstract String readinessPath();

    /** What in {@code log} shows that the start failed, quoted for the test's failure message; empty while none. */
    protected Optional<String> startFailure(String log) {
        return Optional.empty();
    }

    /** Starts the process, its output into {@code console} (returns at once; see {@link #awaitUp}). */
    protected final void launch(ProcessBuilder builder, Path console) {
        try {
            process = builder.redirectErrorStream(true).redirectOutput(console.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the application answers and the log shows every one of {@code logLines}. */
    public void awaitUp(Duration limit, String... logLines) {
        await(limit, true, logLines);
    }

    /** Waits until the log shows every one of {@code logLines} (the application may not answer yet). */
    public void awaitLog(Duration limit, String... logLines) {
        await(limit, false, logLines);
    }

    private void await(Duration limit, boolean answering, String... logLines) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String log = logText();
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            Optional<String> failure = startFailure(log);
            if (failure.isPresent()) {
                throw new IllegalStateException(name + " did not start: " + failure.get());
            }
            if (Arrays.stream(logLines).allMatch(log::contains) && (!answering || answers())) {
                return;
            }
            pause(250);
        }
        throw new IllegalStateException(name + " not ready within " + limit + " (waiting for "
                + String.join(", ", logLines) + "):\n" + tail(logText()));
    }

    /** What the server logged so far. */
    public String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void kill() {
        processes().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = processes();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            pause(100);
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }

    /** The process and every process it started (a start script's JVM), children first. */
    private List<ProcessHandle> processes() {
        return Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    private boolean answers() {
        try {
            HttpRequest ping = HttpRequest.newBuilder(URI.create(url(readinessPath()))).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
