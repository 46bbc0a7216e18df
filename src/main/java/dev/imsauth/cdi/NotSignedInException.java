package dev.imsauth.cdi;

/**
 * Thrown by {@link ImsTokens} and {@link ImsUser} when the current request has no signed-in user, instead
 * of answering with a null token. Check {@code isSignedIn()} first on pages that anonymous users may see.
 */
public class NotSignedInException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NotSignedInException(String what) {
        super("No user is signed in on this request, so there is no " + what + "; check isSignedIn() first, or "
                + "protect this URL so that only signed-in users reach it");
    }
}
