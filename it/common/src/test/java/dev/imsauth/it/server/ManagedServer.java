package dev.imsauth.it.server;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.IntSupplier;

/**
 * The server an it/ module starts through Arquillian, as the harness sees it: the ports it will open and the log
 * it writes. Each module names its implementation in
 * {@code src/test/resources/META-INF/services/dev.imsauth.it.server.ManagedServer}.
 *
 * <p>{@link ServerPortsListener} calls {@link #choosePorts()} before Arquillian reads arquillian.xml;
 * {@link ServerStartCheck} checks {@link #ports()} before the start and the log after it.
 */
public interface ManagedServer {

    /** "Tomcat", "WildFly": for messages. */
    String name();

    /**
     * Replaces port settings (system properties that arquillian.xml reads) left to the build ({@code 0},
     * {@code auto}) with free ports; leaves values given with {@code -D} as they are. Called more than once.
     */
    void choosePorts();

    /** Every port the server is about to open on 127.0.0.1, with what it is and how to change it. */
    List<ServerPort> ports();

    /** The directory of the server's log files. */
    Path logDirectory();

    /** Whether a file in {@link #logDirectory()} is a log the server writes while it starts. */
    boolean isLogFile(String fileName);

    /** Whether a log line written while the server started reports a failure, e.g. a port it could not bind. */
    boolean reportsStartupFailure(String line);

    /** The one the module names. */
    static ManagedServer current() {
        return ServiceLoader.load(ManagedServer.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "no META-INF/services/" + ManagedServer.class.getName() + " on the test class path"));
    }

    /** An integer system property, or {@code fallback} when it is unset, blank or {@code fallbackWord}. */
    static int intProperty(String name, String fallbackWord, IntSupplier fallback) {
        String value = System.getProperty(name, "").trim();
        if (value.isEmpty() || value.equals(fallbackWord)) {
            return fallback.getAsInt();
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a number or " + fallbackWord + "; got '"
                    + value + "'", e);
        }
    }
}
