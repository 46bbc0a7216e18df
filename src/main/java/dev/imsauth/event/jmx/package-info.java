/**
 * The JMX view of ims-auth: {@link dev.imsauth.event.jmx.EventCounters} counts events by outcome and reason, and
 * {@link dev.imsauth.event.jmx.ImsAuthMBeans} registers them as {@code dev.imsauth:type=ImsAuth,context=<path>} in
 * the platform MBean server while the application runs. See docs/events.md.
 */
package dev.imsauth.event.jmx;
