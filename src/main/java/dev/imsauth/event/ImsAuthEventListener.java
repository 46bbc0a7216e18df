package dev.imsauth.event;

/**
 * Receives {@link ImsAuthEvent}s, on the thread of the request (or service call) where they happen, after the
 * step is complete; keep it quick and hand slow work (a database write) to your own executor. A listener that
 * throws is logged (once, then at most every few minutes) and never changes the sign-in.
 *
 * <p>Register an implementation with a public no-argument constructor by listing its class in
 * {@code META-INF/services/dev.imsauth.event.ImsAuthEventListener} or in the {@code ims.event-listeners} key; on the
 * Jakarta Security mechanism route, a CDI bean with an {@code @Observes ImsAuthEvent} method receives them too.
 */
@FunctionalInterface
public interface ImsAuthEventListener {

    void onEvent(ImsAuthEvent event);
}
