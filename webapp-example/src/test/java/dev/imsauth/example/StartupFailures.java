package dev.imsauth.example;

import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Catches what Tomcat logs while a web app starts, so that a failed start can say why (e.g. ims-auth's
 * "ims.client-id: is missing; set it to …") instead of "see the log above". Tomcat reports a filter whose
 * {@code init} threw only to its log; this listens to the {@code org.apache.catalina} loggers for the
 * duration of a start.
 */
final class StartupFailures extends Handler implements AutoCloseable {

    private static final Logger CATALINA = Logger.getLogger("org.apache.catalina");
    private final CopyOnWriteArrayList<Throwable> thrown = new CopyOnWriteArrayList<>();

    private StartupFailures() {
        setLevel(Level.SEVERE);
    }

    static StartupFailures watch() {
        StartupFailures failures = new StartupFailures();
        CATALINA.addHandler(failures);
        return failures;
    }

    /** The message of the innermost cause of the first error logged with an exception. */
    Optional<String> firstCause() {
        return thrown.stream().findFirst().map(t -> {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() != null ? root.getMessage() : root.toString();
        });
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getThrown() != null && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            thrown.add(record.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CATALINA.removeHandler(this);
    }
}
