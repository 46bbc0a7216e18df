package dev.imsauth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sign-out paths the filter and the Jakarta Security mechanism answer themselves, whatever the
 * application protects: {@code ims.logout-path} ({@link LogoutFlow}), {@code ims.signed-out-path}
 * ({@link SignedOutPage}) and {@code ims.backchannel-logout-path} ({@link BackChannelLogoutEndpoint}). Any other
 * request only finishes a sign-out this browser has under way (revoking after end-session).
 */
public final class SignOutRoutes {
    private final LogoutFlow logout;
    private final SignedOutPage signedOut;
    private final BackChannelLogoutEndpoint backChannel;

    public SignOutRoutes(SignInFlow flow) {
        this.logout = new LogoutFlow(flow.client(), flow.store());
        this.signedOut = new SignedOutPage(flow);
        this.backChannel = new BackChannelLogoutEndpoint(flow.client(), flow.backChannelLogouts());
    }

    /** Answers the request completely and returns true when it is for one of the sign-out paths. */
    public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (logout.isLogoutRequest(request)) {
            logout.handle(request, response);
            return true;
        }
        String path = ApiRequests.pathInContext(request);
        if (signedOut.isSignedOutPage(path)) {
            signedOut.handle(request, response);
            return true;
        }
        if (backChannel.isEndpoint(path)) {
            backChannel.handle(request, response);
            return true;
        }
        signedOut.finishSignOut(request, signedOut.isLanding(path));
        return false;
    }

    /** True for the configured post-logout path, which needs no sign-in (so signing out never signs in again). */
    public boolean isLanding(HttpServletRequest request) {
        return signedOut.isLanding(ApiRequests.pathInContext(request));
    }

    /** The logout flow (confirmation page and sign-out). */
    public LogoutFlow logout() {
        return logout;
    }
}
