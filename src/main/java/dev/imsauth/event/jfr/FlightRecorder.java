package dev.imsauth.event.jfr;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The one door to the Flight Recorder events, safe where {@code jdk.jfr} is not visible: WildFly does not give
 * deployments that module, so there the steps run unrecorded instead of failing to link. No {@code jdk.jfr} type
 * appears in this class's signatures; {@link Events} is loaded only when the module is there.
 */
public final class FlightRecorder {
    /** Whether {@code jdk.jfr} is visible to this library (decided once, when the class loads). */
    public static final boolean AVAILABLE = visible();

    private FlightRecorder() {
    }

    /** A begun callback ({@code callback} true) or refresh event, or null when nothing can be recorded. */
    public static Object begin(boolean callback) {
        return AVAILABLE ? Events.begin(callback) : null;
    }

    /** Ends and records an event {@link #begin} returned. */
    public static void finish(Object begun, String reason) {
        if (begun != null) {
            Events.finish(begun, reason);
        }
    }

    /** Runs a call to the token endpoint, recorded as {@code dev.imsauth.TokenRequest}. */
    public static <T> T tokenRequest(String grantType, Supplier<T> call, ToIntFunction<T> statusOf,
                                     Function<RuntimeException, String> reasonOf) {
        return AVAILABLE ? new TokenRequestEvent(grantType).record(call, statusOf, reasonOf) : call.get();
    }

    /** Runs a fetch of the JWKS, recorded as {@code dev.imsauth.JwksFetch}. */
    public static <T> T jwksFetch(Supplier<T> call, ToIntFunction<T> statusOf, Function<RuntimeException, String> reasonOf) {
        return AVAILABLE ? new JwksFetchEvent().record(call, statusOf, reasonOf) : call.get();
    }

    private static boolean visible() {
        try {
            Class.forName("jdk.jfr.Event", false, FlightRecorder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches the event classes; loaded only when {@link #AVAILABLE}. */
    private static final class Events {
        static Object begin(boolean callback) {
            OutcomeEvent event = callback ? new CallbackEvent() : new RefreshEvent();
            event.begin();
            return event;
        }

        static void finish(Object begun, String reason) {
            ((OutcomeEvent) begun).finish(reason);
        }
    }
}
