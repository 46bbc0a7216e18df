package dev.imsauth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-out paths the filter and the Jakarta Security mechanism answer themselves, whatever the
 * application protects: {@code ims.logout-path} ({@link LogoutFlow}), {@code ims.signed-out-path}
 * ({@link SignedOutPage}) and {@code ims.backchannel-logout-path} ({@link BackChannelLogoutEndpoint}); and the
 * finishing of a sign-out this browser has under way (revoking after end-session, {@link #finishUnderWay}), which
 * only a request without a signed-in user can have (sign-out leaves none, and a sign-in finishes it).
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
        return false;
    }

    /** Finishes a sign-out this browser has under way, if any (checking its state on the landing): one session read. */
    void finishUnderWay(ImsAuth web) {
        signedOut.finishSignOut(web.request(), signedOut.isLanding(web.path()));
    }

    /** True for the configured post-logout path, which needs no sign-in (so signing out never signs in again). */
    boolean isLanding(ImsAuth web) {
        return signedOut.isLanding(web.path());
    }
}
