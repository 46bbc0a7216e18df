package dev.imsauth.web;

import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEvents;
import dev.imsauth.event.Timing;
import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.InvalidCallbackException;
import dev.imsauth.protocol.LoginRedirect;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.StateMismatchException;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.session.SessionStore;
import dev.imsauth.session.TokenRefresher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in as seen over HTTP, shared by the filter and the Jakarta Security mechanism: send the
 * browser to the provider (or answer 401 to an API call), and handle the callback — take the pending
 * sign-in by state, complete it through the {@link OidcClient}, rotate the session id, store the user
 * and redirect to the saved return URL. A failed callback stores nothing and answers with an error page.
 */
final class SignInFlow {
    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());
    private final OidcClient client;
    private final SessionStore store;
    private final RedirectUris redirectUris;
    private final TokenRefresher refresher;
    private final BackChannelLogouts backChannelLogouts;
    private final int maxPendingLogins;
    private final SignInCustomizer customizer;
    private final ImsAuthEvents events;

    SignInFlow(OidcClient client, SessionStore store, RedirectUris redirectUris, TokenRefresher refresher,
               BackChannelLogouts backChannelLogouts, int maxPendingLogins, SignInCustomizer customizer,
               ImsAuthEvents events) {
        this.customizer = customizer;
        this.events = events;
        this.client = client;
        this.store = store;
        this.redirectUris = redirectUris;
        this.refresher = refresher;
        this.backChannelLogouts = backChannelLogouts;
        this.maxPendingLogins = maxPendingLogins;
    }

    /** True when this request is the provider's redirect back to us. */
    boolean isCallback(ImsAuth web) {
        return redirectUris.isCallback(web.request());
    }

    /**
     * The signed-in user with tokens fresh enough to use, refreshed first when the access token is within
     * {@code ims.refresh-margin} of expiring; empty when nobody is signed in or the refresh was refused
     * (the user is then signed out). Throws a 503-kind {@link ImsAuthException} when the provider failed
     * and the access token has expired. A session that a back-channel logout ended is ended now (on whichever
     * node sees it first) and has no user. Asked on every request (see {@link #signedInUser}).
     */
    Optional<SignedInUser> currentUser(ImsAuth web) {
        return Optional.ofNullable(signedInUser(web));
    }

    /**
     * As {@link #currentUser}, null when nobody is signed in. A user whose tokens need nothing costs one session
     * read and one reading of the clock, and allocates nothing.
     */
    SignedInUser signedInUser(ImsAuth web) {
        HttpServletRequest request = web.request();
        SignedInUser user = store.storedUser(request);
        if (user == null) {
            return null;
        }
        long now = client.clock().millis();
        if (backChannelLogouts.anyKnown(now) && backChannelLogouts.isEnded(user, store.signedInAt(request))) {
            LOG.log(System.Logger.Level.DEBUG, "Session of subject {0} ended by a back-channel logout",
                    user.claims().subject());
            events.signedOut(ImsAuthEvent.Type.SIGNED_OUT_BACK_CHANNEL, user.claims().subject(),
                    store.sessionIdHash(request), "backchannel_logout");
            store.invalidate(request);
            return null;
        }
        return refresher.isFresh(user, now) ? user : refresher.current(store.slot(request)).orElse(null);
    }

    /** The request's user as a token source for API clients (refreshed when about to expire). */
    AccessTokenSource tokenSource(HttpServletRequest request) {
        return refresher.tokenSource(store.slot(request));
    }

    /**
     * Asks for sign-in: API calls get 401 JSON; browsers are redirected to the provider, with the
     * request's own URL remembered as the return target.
     */
    void challenge(ImsAuth web, HttpServletResponse response) throws IOException {
        challenge(web, response, ReturnUrls.of(web.request()), List.of());
    }

    /** Like {@link #challenge(ImsAuth, HttpServletResponse)} with an explicit return path and extra scopes. */
    void challenge(ImsAuth web, HttpServletResponse response, String returnUrl, List<String> extraScopes)
            throws IOException {
        HttpServletRequest request = web.request();
        if (web.isApiCall()) {
            ErrorResponses.send(web, response, 401, "sign_in_required",
                    "Sign-in is required; open the application in a browser to sign in.", null);
            return;
        }
        try {
            String target = ReturnUrls.isSafe(returnUrl) ? ReturnUrls.toLocation(returnUrl) : ReturnUrls.fallback(request);
            LoginRedirect login;
            try {
                Map<String, String> extra = customizer.authorizationParameters(request);
                login = client.startLogin(redirectUris.redirectUri(request), target, extraScopes,
                        extra == null ? Map.of() : extra);
            } catch (IllegalArgumentException refused) {
                LOG.log(System.Logger.Level.WARNING, "Sign-in not started: {0} (from {1})", refused.getMessage(),
                        customizer.getClass().getName());
                ErrorResponses.send(web, response, 500, "authorization_parameter_refused", "The sign-in could not "
                        + "be started: the application asked for a sign-in parameter that it may not set.", null);
                return;
            }
            store.addPending(request, login.pending());
            ErrorResponses.noStore(response);
            // an absolute URL: set as it is, without the container's sendRedirect resolving it again
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", login.authorizationUri().toString());
        } catch (ImsAuthException e) {
            client.warnings().warn(LOG, "sign-in:" + e.reason() + ":" + e.getMessage(), "Cannot start sign-in: {0}",
                    e.getMessage());
            ErrorResponses.send(web, response, e, null);
        }
    }

    /**
     * Answers a callback completely: on success the user is stored (new session id) and the browser sent on to
     * the page it first asked for ({@link #redirectAfterSignIn}); on failure the response is the error page and
     * nothing is stored.
     */
    void completeSignIn(ImsAuth web, HttpServletResponse response) throws IOException {
        Optional<CompletedSignIn> done = handleCallback(web, response);
        if (done.isPresent()) {
            redirectAfterSignIn(response, done.get().returnUrl());
        }
    }

    /**
     * Handles a callback. On success the user is stored (new session id) and returned with the return URL,
     * and nothing is written to the response; on failure the response is the error page and the result is empty.
     */
    Optional<CompletedSignIn> handleCallback(ImsAuth web, HttpServletResponse response) throws IOException {
        HttpServletRequest request = web.request();
        PendingLogin pending = null;
        Timing timing = events.begin(ImsAuthEvents.Step.CALLBACK);
        try {
            CallbackParameters callback = parse(request);
            pending = take(request, callback);
            SignedInUser user = client.completeLogin(pending, callback);
            store.signIn(request, user);
            events.signedIn(timing, user.claims().subject(), store.sessionIdHash(request));
            return Optional.of(new CompletedSignIn(user, ReturnUrls.isSafe(pending.returnUrl())
                    ? pending.returnUrl() : ReturnUrls.fallback(request)));
        } catch (ImsAuthException e) {
            client.warnings().warn(LOG, "callback:" + e.reason() + ":" + e.getMessage(),
                    "Rejected sign-in callback ({0}): {1}", e.reason(), e.getMessage());
            events.callbackRejected(timing, e.reason(), store.sessionIdHash(request));
            ErrorResponses.send(web, response, e, retryTarget(request, pending));
            return Optional.empty();
        } catch (RuntimeException bug) {
            // never let the container's error page show the callback URL: it holds the code
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure handling a sign-in callback: {0}",
                    bug.getClass().getName());
            events.callbackRejected(timing, ImsAuthException.reasonOf(bug), store.sessionIdHash(request));
            ErrorResponses.send(web, response, 500, "internal_error",
                    "The sign-in could not be completed because of an internal error.", null);
            return Optional.empty();
        }
    }

    /**
     * Sends the browser on to where it was going before sign-in: a 302 with the validated same-origin
     * path as a relative {@code Location}, set directly rather than through {@code sendRedirect}, whose
     * container-specific normalisation may refuse an odd but harmless path with a 500 after the user is
     * already signed in (Jetty 12: "Suspicious Path Character").
     */
    static void redirectAfterSignIn(HttpServletResponse response, String returnUrl) {
        ErrorResponses.noStore(response);
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", ReturnUrls.toLocation(returnUrl));
    }

    private CallbackParameters parse(HttpServletRequest request) {
        try {
            if (!"GET".equalsIgnoreCase(request.getMethod())) {
                throw new InvalidCallbackException("The sign-in response must arrive with GET (query response mode)");
            }
            return CallbackParameters.of(toLists(request));
        } catch (InvalidCallbackException malformed) {
            spendNamedState(request);
            throw malformed;
        }
    }

    /** The pending sign-in the callback's state names, removed from the session: a callback is single use. */
    private PendingLogin take(HttpServletRequest request, CallbackParameters callback) {
        String state = callback.state().orElseThrow(
                () -> new InvalidCallbackException("The sign-in response has no state parameter"));
        return store.takePending(request, state).orElseThrow(() -> new StateMismatchException(
                "This sign-in response does not belong to a sign-in started in this browser, or was already used"));
    }

    /**
     * Where "Try again" leads after a failed callback: the page the user asked for when the callback named
     * their sign-in (same-origin paths only, as after a sign-in), else the application's landing page.
     */
    private static String retryTarget(HttpServletRequest request, PendingLogin pending) {
        return pending != null && ReturnUrls.isSafe(pending.returnUrl())
                ? ReturnUrls.toLocation(pending.returnUrl()) : ReturnUrls.fallback(request);
    }

    /**
     * A successful callback.
     *
     * @param user      the signed-in user, already stored in the (rotated) session
     * @param returnUrl the validated same-origin path to continue to
     */
    record CompletedSignIn(SignedInUser user, String returnUrl) {
    }

    /**
     * A malformed callback spends every pending state it names (a repeated {@code state} included, up to the
     * number of sign-ins a session may have under way): a callback is single use, whatever its fate.
     */
    private void spendNamedState(HttpServletRequest request) {
        String[] states = request.getParameterValues("state");
        if (states == null) {
            return;
        }
        java.util.Arrays.stream(states).filter(s -> s.length() <= CallbackParameters.MAX_VALUE_LENGTH).distinct()
                .limit(maxPendingLogins).forEach(s -> store.takePending(request, s));
    }

    private static java.util.Map<String, List<String>> toLists(HttpServletRequest request) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        request.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
