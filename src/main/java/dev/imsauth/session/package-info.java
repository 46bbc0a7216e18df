/**
 * What the library keeps in the {@code HttpSession}: the pending sign-ins (state-keyed, single use,
 * bounded, expiring) and the signed-in user with their tokens. Only {@link java.io.Serializable}
 * values, so container session replication carries them. {@link dev.imsauth.session.TokenRefresher}
 * keeps those tokens fresh (one refresh per sign-in at a time) through a {@link dev.imsauth.session.UserSlot},
 * which the session store provides and a session-scoped bean can provide as well.
 */
package dev.imsauth.session;
