package dev.imsauth.cdi;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.web.ImsAuth;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in user of the current HTTP request, read through the {@link ImsAuth} that the filter or the
 * mechanism put on the request: refreshed first when the access token is about to expire, and never cached
 * here (a logout earlier in the request is seen at once).
 */
@Dependent
class CurrentSignIn {
    private final HttpServletRequest request;

    @Inject
    CurrentSignIn(HttpServletRequest request) {
        this.request = request;
    }

    /** The user, or empty for an anonymous request. */
    Optional<SignedInUser> user() {
        return auth().user();
    }

    /** The user; {@link NotSignedInException} naming {@code what} was wanted when nobody is signed in. */
    SignedInUser require(String what) {
        return user().orElseThrow(() -> new NotSignedInException(what));
    }

    /** The configuration of the filter or mechanism that handled the request. */
    ProviderSettings provider() {
        return auth().provider();
    }

    /** What the filter or mechanism left on this request; a clear error when ims-auth does not cover it at all. */
    private ImsAuth auth() {
        if (request.getAttribute(ImsAuth.ATTRIBUTE) instanceof ImsAuth auth) {
            return auth;
        }
        throw new IllegalStateException("ims-auth did not handle this request (" + request.getRequestURI() + "), so "
                + "it cannot know its user: map ImsAuthFilter to this URL (list it in ims.public-paths if it needs no "
                + "sign-in), or enable the Jakarta Security mechanism with @ImsAuthenticationMechanismDefinition");
    }
}
