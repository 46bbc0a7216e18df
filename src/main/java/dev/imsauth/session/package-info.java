/**
 * What the library keeps in the {@code HttpSession}: the pending sign-ins (state-keyed, single use,
 * bounded, expiring) and the signed-in user with their tokens. Only {@link java.io.Serializable}
 * values, so container session replication carries them.
 */
package dev.imsauth.session;
