package dev.imsauth.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A listener the filter creates by its class name ({@code ims.event-listeners}); it keeps what it receives in a
 * static queue because the filter, not the test, creates it. Test code only.
 */
public final class RecordingListener implements ImsAuthEventListener {
    private static final ConcurrentLinkedQueue<ImsAuthEvent> received = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(ImsAuthEvent event) {
        received.add(event);
    }

    /** Everything received since the last call, oldest first. */
    public static List<ImsAuthEvent> drain() {
        List<ImsAuthEvent> out = new ArrayList<>();
        for (ImsAuthEvent e = received.poll(); e != null; e = received.poll()) {
            out.add(e);
        }
        return out;
    }

    /** A listener that always throws, to show that it cannot break a sign-in. */
    public static final class Throwing implements ImsAuthEventListener {
        @Override
        public void onEvent(ImsAuthEvent event) {
            throw new IllegalStateException("this listener is broken on purpose");
        }
    }
}
