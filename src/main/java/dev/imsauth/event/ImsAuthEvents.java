package dev.imsauth.event;

import dev.imsauth.event.jfr.FlightRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands {@link ImsAuthEvent}s to the application's listeners, and records the callback and refresh steps for
 * Java Flight Recorder. Flows call one method per step ({@link #begin}, then {@link #signedIn} or
 * {@link #callbackRejected}, …). A listener that throws is logged, throttled, and never breaks the step; the
 * listeners after it still receive the event. Immutable and thread-safe; one per application.
 */
public final class ImsAuthEvents {
    /** The steps that have a Flight Recorder event of their own. */
    public enum Step { CALLBACK, REFRESH, OTHER }

    private final List<ImsAuthEventListener> listeners;
    private final Clock clock;
    private final ListenerFailures failures;

    public ImsAuthEvents(List<ImsAuthEventListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.failures = new ListenerFailures(clock);
    }

    /** No listeners (the Flight Recorder events are still recorded). */
    public static ImsAuthEvents none() {
        return new ImsAuthEvents(List.of(), Clock.systemUTC());
    }

    /** These listeners and one more, in that order. */
    public ImsAuthEvents with(ImsAuthEventListener more) {
        List<ImsAuthEventListener> all = new ArrayList<>(listeners);
        all.add(more);
        return new ImsAuthEvents(all, clock);
    }

    public List<ImsAuthEventListener> listeners() {
        return listeners;
    }

    /** Starts timing a step (and its Flight Recorder event). */
    public Timing begin(Step step) {
        return new Timing(step == Step.OTHER ? null : FlightRecorder.begin(step == Step.CALLBACK));
    }

    /** A callback completed: {@code sessionIdHash} names the new (rotated) session. */
    public void signedIn(Timing timing, String subject, String sessionIdHash) {
        finish(timing, ImsAuthEvent.Type.SIGNED_IN, subject, sessionIdHash, ImsAuthEvent.OK);
    }

    public void callbackRejected(Timing timing, String reason, String sessionIdHash) {
        finish(timing, ImsAuthEvent.Type.CALLBACK_REJECTED, null, sessionIdHash, reason);
    }

    public void refreshed(Timing timing, String subject, String sessionIdHash) {
        finish(timing, ImsAuthEvent.Type.REFRESHED, subject, sessionIdHash, ImsAuthEvent.OK);
    }

    public void refreshFailed(Timing timing, String subject, String sessionIdHash, String reason) {
        finish(timing, ImsAuthEvent.Type.REFRESH_FAILED, subject, sessionIdHash, reason);
    }

    /** A sign-out of one of the {@code SIGNED_OUT_*} types; {@code how} says what ended it (e.g. {@code logout}). */
    public void signedOut(ImsAuthEvent.Type type, String subject, String sessionIdHash, String how) {
        if (!type.name().startsWith("SIGNED_OUT_")) {
            throw new IllegalArgumentException(type + " is not a sign-out");
        }
        emit(new ImsAuthEvent(type, subject, sessionIdHash, how, clock.instant(), Duration.ZERO));
    }

    /** A client-credentials token obtained ({@code reason} {@link ImsAuthEvent#OK}) or not (the failure's reason). */
    public void serviceToken(Timing timing, String reason) {
        finish(timing, ImsAuthEvent.OK.equals(reason) ? ImsAuthEvent.Type.SERVICE_TOKEN_OBTAINED
                : ImsAuthEvent.Type.SERVICE_TOKEN_FAILED, null, null, reason);
    }

    private void finish(Timing timing, ImsAuthEvent.Type type, String subject, String sessionIdHash, String reason) {
        timing.finish(reason);
        emit(new ImsAuthEvent(type, subject, sessionIdHash, reason, clock.instant(), timing.elapsed()));
    }

    /** Hands the event to every listener; one that throws is logged (throttled) and skipped. */
    public void emit(ImsAuthEvent event) {
        for (ImsAuthEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failures.failed(listener, event.type(), e);
            }
        }
    }
}
