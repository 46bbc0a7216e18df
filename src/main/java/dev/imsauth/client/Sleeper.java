package dev.imsauth.client;

import java.time.Duration;

/** Waits between retries; tests inject one that moves their clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
