/**
 * What happened to sign-ins, for audit trails and monitoring: {@link dev.imsauth.event.ImsAuthEvent} (signed in,
 * refreshed, refresh failed, signed out, callback rejected, service token obtained or failed) delivered to
 * {@link dev.imsauth.event.ImsAuthEventListener}s through {@link dev.imsauth.event.ImsAuthEvents}. Container-free:
 * no {@code jakarta.*} here; the filter loads listeners by {@code ServiceLoader} and {@code ims.event-listeners},
 * the Jakarta Security mechanism also fires them as CDI events. An event never holds a token, code, secret or
 * verifier, nor the session id itself (only a hash of it). {@code jfr} holds the Flight Recorder events,
 * {@code jmx} the counters MBean. See docs/events.md.
 */
package dev.imsauth.event;
