package dev.imsauth.event;

import dev.imsauth.event.jfr.FlightRecorder;
import java.time.Duration;

/** A step under way ({@link ImsAuthEvents#begin}): when it started, and its Flight Recorder event, if it has one. */
public final class Timing {
    private final long startNanos = System.nanoTime();
    private final Object recording;

    /** @param recording what {@link FlightRecorder#begin} returned, or null */
    Timing(Object recording) {
        this.recording = recording;
    }

    Duration elapsed() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    void finish(String reason) {
        FlightRecorder.finish(recording, reason);
    }
}
