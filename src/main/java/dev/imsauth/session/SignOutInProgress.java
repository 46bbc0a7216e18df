package dev.imsauth.session;

import dev.imsauth.protocol.SignedInUser;
import java.io.Serializable;

/**
 * A sign-out sent through the provider's end-session endpoint: the {@code state} sent along, and the signed-out
 * user whose refresh token is revoked when the browser comes back to the signed-out page.
 * {@code toString()} shows no token (the {@link SignedInUser}'s {@code TokenSet} masks them).
 *
 * @param state the post-logout state sent to the provider
 * @param user  the user who signed out
 */
public record SignOutInProgress(String state, SignedInUser user) implements Serializable {
}
