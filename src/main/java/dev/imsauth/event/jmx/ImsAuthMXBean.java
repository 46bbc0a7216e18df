package dev.imsauth.event.jmx;

import java.util.Map;

/**
 * Counters of one application's sign-ins since it started, as {@code dev.imsauth:type=ImsAuth,context=<path>}.
 * {@link #getCounts()} has one entry per outcome and reason, keyed {@code <type>/<reason>} in lower case
 * ({@code signed_in/ok}, {@code callback_rejected/state_mismatch}, {@code refresh_failed/token_rejected}, …).
 */
public interface ImsAuthMXBean {

    /** Every counter, keyed {@code <type>/<reason>}. */
    Map<String, Long> getCounts();

    long getSignIns();

    long getCallbacksRejected();

    long getRefreshes();

    long getRefreshFailures();

    long getSignOuts();

    long getServiceTokenFailures();

    /** One counter: an event type ({@code callback_rejected}) and a reason ({@code state_mismatch}). */
    long count(String type, String reason);
}
