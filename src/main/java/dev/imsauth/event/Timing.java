package dev.imsauth.event;

import dev.imsauth.event.jfr.OutcomeEvent;
import java.time.Duration;

/** A step under way ({@link ImsAuthEvents#begin}): when it started, and its Flight Recorder event, if it has one. */
public final class Timing {
    private final long startNanos = System.nanoTime();
    private final OutcomeEvent recording;

    Timing(OutcomeEvent recording) {
        this.recording = recording;
        if (recording != null) {
            recording.begin();
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    void finish(String reason) {
        if (recording != null) {
            recording.finish(reason);
        }
    }
}
