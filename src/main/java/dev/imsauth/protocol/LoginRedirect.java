package dev.imsauth.protocol;

import java.net.URI;

/**
 * The start of a sign-in: where to send the browser, and what to remember until it comes back.
 *
 * @param authorizationUri the provider's authorization URL with all parameters
 * @param pending          the pending sign-in to store, keyed by its state
 */
public record LoginRedirect(URI authorizationUri, PendingLogin pending) {
}
