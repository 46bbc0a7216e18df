package dev.imsauth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-out paths the filter and the Jakarta Security mechanism answer themselves, whatever the
 * application protects: {@code ims.logout-path} ({@link LogoutFlow}), {@code ims.signed-out-path}
 * ({@link SignedOutPage}) and {@code ims.backchannel-logout-path} ({@link BackChannelLogoutEndpoint}). Any other
 * request only finishes a sign-out this browser has under way (revoking after end-session).
 */
final class SignOutRoutes {
    private final LogoutFlow logout;
    private final SignedOutPage signedOut;
    private final BackChannelLogoutEndpoint backChannel;

    SignOutRoutes(LogoutFlow logout, SignedOutPage signedOut, BackChannelLogoutEndpoint backChannel) {
        this.logout = logout;
        this.signedOut = signedOut;
        this.backChannel = backChannel;
    }

    /** Answers the request completely and returns true when it is for one of the sign-out paths. */
    boolean answer(ImsAuth web, HttpServletResponse response) throws IOException {
        String path = web.path();
        if (logout.isLogoutRequest(path)) {
            logout.handle(web, response);
            return true;
        }
        if (signedOut.isSignedOutPage(path)) {
            signedOut.handle(web, response);
            return true;
        }
        if (backChannel.isEndpoint(path)) {
            backChannel.handle(web.request(), response);
            return true;
        }
        signedOut.finishSignOut(web.request(), signedOut.isLanding(path));
        return false;
    }

    /** True for the configured post-logout path, which needs no sign-in (so signing out never signs in again). */
    boolean isLanding(ImsAuth web) {
        return signedOut.isLanding(web.path());
    }
}
