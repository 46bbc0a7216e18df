package dev.imsauth.it.events.app;

import dev.imsauth.event.ImsAuthEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The test application's audit trail: the last 200 events its listeners received, one line each,
 * {@code <how it was delivered> <type> subject=<sub> session=<hash> reason=<reason>}. Static because the filter
 * creates the listeners by class name, outside the application's reach; test application code only.
 */
public final class AuditLog {
    private static final int MAX = 200;
    private static final Deque<String> LINES = new ArrayDeque<>();

    private AuditLog() {
    }

    public static void record(String delivery, ImsAuthEvent event) {
        String line = delivery + " " + event.type() + " subject=" + event.subject().orElse("-") + " session="
                + event.sessionIdHash().orElse("-") + " reason=" + event.reason();
        synchronized (LINES) {
            if (LINES.size() == MAX) {
                LINES.removeFirst();
            }
            LINES.addLast(line);
        }
    }

    public static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }
}
