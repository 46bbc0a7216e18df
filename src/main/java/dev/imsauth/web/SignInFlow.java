package dev.imsauth.web;

import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.InvalidCallbackException;
import dev.imsauth.protocol.LoginRedirect;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.StateMismatchException;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.session.InMemoryLogoutRecords;
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
public final class SignInFlow {
    private static final System.Logger LOG = System.getLogger(SignInFlow.class.getName());
    private final OidcClient client;
    private final SessionStore store;
    private final RedirectUris redirectUris;
    private final ApiRequests apiRequests;
    private final TokenRefresher refresher;
    private final BackChannelLogouts backChannelLogouts;
    private final AppPages pages;
    private final SignInCustomizer customizer;

    /** A flow whose back-channel logouts stay on this node ({@link InMemoryLogoutRecords}). */
    public SignInFlow(OidcClient client, SessionStore store) {
        this(client, store, new BackChannelLogouts(new InMemoryLogoutRecords(), client.clock(),
                client.signIn().logoutCheckInterval()));
    }

    public SignInFlow(OidcClient client, SessionStore store, BackChannelLogouts backChannelLogouts) {
        this(client, store, backChannelLogouts, SignInCustomizer.NONE);
    }

    /** A flow whose sign-ins get the authorization parameters {@code customizer} adds per request. */
    public SignInFlow(OidcClient client, SessionStore store, BackChannelLogouts backChannelLogouts,
                      SignInCustomizer customizer) {
        this.customizer = customizer;
        this.pages = new AppPages(client.signIn());
        this.client = client;
        this.store = store;
        this.backChannelLogouts = backChannelLogouts;
        this.redirectUris = new RedirectUris(client.signIn());
        this.apiRequests = new ApiRequests(client.signIn());
        this.refresher = new TokenRefresher(client);
    }

    public OidcClient client() {
        return client;
    }

    public SessionStore store() {
        return store;
    }

    public RedirectUris redirectUris() {
        return redirectUris;
    }

    /** The configured API-call detection ({@code ims.api-paths}, {@code ims.api-detection}). */
    public ApiRequests apiRequests() {
        return apiRequests;
    }

    /** The single-flight refresher shared by every request this flow serves. */
    public TokenRefresher refresher() {
        return refresher;
    }

    /** The back-channel logouts this flow checks every signed-in session against. */
    public BackChannelLogouts backChannelLogouts() {
        return backChannelLogouts;
    }

    /**
     * Prepares a request the filter or mechanism is about to handle: classifies it as an API call or not and
     * makes the application's error page ({@code ims.error-page}) known to {@link ErrorResponses}.
     */
    public void begin(HttpServletRequest request) {
        apiRequests.classify(request);
        pages.bind(request);
    }

    /** True when this request is the provider's redirect back to us. */
    public boolean isCallback(HttpServletRequest request) {
        return redirectUris.isCallback(request);
    }

    /** The signed-in user of this request as stored, if any, without refreshing; see {@link #currentUser}. */
    public Optional<SignedInUser> user(HttpServletRequest request) {
        return store.user(request);
    }

    /**
     * The signed-in user with tokens fresh enough to use, refreshed first when the access token is within
     * {@code ims.refresh-margin} of expiring; empty when nobody is signed in or the refresh was refused
     * (the user is then signed out). Throws a 503-kind {@link ImsAuthException} when the provider failed
     * and the access token has expired. A session that a back-channel logout ended is ended now (on whichever
     * node sees it first) and has no user.
     */
    public Optional<SignedInUser> currentUser(HttpServletRequest request) {
        Optional<SignedInUser> stored = store.user(request);
        if (stored.isPresent() && backChannelLogouts.isEnded(stored.get(), store.signedInAt(request))) {
            LOG.log(System.Logger.Level.DEBUG, "Session of subject {0} ended by a back-channel logout",
                    stored.get().claims().subject());
            store.invalidate(request);
            return Optional.empty();
        }
        return refresher.current(store.slot(request));
    }

    /**
     * Asks for sign-in: API calls get 401 JSON; browsers are redirected to the provider, with the
     * request's own URL remembered as the return target.
     */
    public void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        challenge(request, response, ReturnUrls.of(request), List.of());
    }

    /** Like {@link #challenge(HttpServletRequest, HttpServletResponse)} with an explicit return path and extra scopes. */
    public void challenge(HttpServletRequest request, HttpServletResponse response, String returnUrl,
                          List<String> extraScopes) throws IOException {
        if (apiRequests.classify(request)) {
            ErrorResponses.send(request, response, 401, "sign_in_required",
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
                ErrorResponses.send(request, response, 500, "authorization_parameter_refused", "The sign-in could not "
                        + "be started: the application asked for a sign-in parameter that it may not set.", null);
                return;
            }
            store.addPending(request, login.pending());
            ErrorResponses.noStore(response);
            response.sendRedirect(login.authorizationUri().toString());
        } catch (ImsAuthException e) {
            client.warnings().warn(LOG, "sign-in:" + e.reason() + ":" + e.getMessage(), "Cannot start sign-in: {0}",
                    e.getMessage());
            ErrorResponses.send(request, response, e, null);
        }
    }

    /**
     * Handles a callback. On success the user is stored (new session id) and returned with the return URL,
     * and nothing is written to the response; on failure the response is the error page and the result is empty.
     */
    public Optional<CompletedSignIn> handleCallback(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PendingLogin pending = null;
        try {
            CallbackParameters callback = parse(request);
            pending = take(request, callback);
            SignedInUser user = client.completeLogin(pending, callback);
            store.signIn(request, user);
            return Optional.of(new CompletedSignIn(user, ReturnUrls.isSafe(pending.returnUrl())
                    ? pending.returnUrl() : ReturnUrls.fallback(request)));
        } catch (ImsAuthException e) {
            client.warnings().warn(LOG, "callback:" + e.reason() + ":" + e.getMessage(),
                    "Rejected sign-in callback ({0}): {1}", e.reason(), e.getMessage());
            ErrorResponses.send(request, response, e, retryTarget(request, pending));
            return Optional.empty();
        } catch (RuntimeException bug) {
            // never let the container's error page show the callback URL: it holds the code
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure handling a sign-in callback: {0}",
                    bug.getClass().getName());
            ErrorResponses.send(request, response, 500, "internal_error",
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
    public void redirectAfterSignIn(HttpServletResponse response, String returnUrl) {
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
    public record CompletedSignIn(SignedInUser user, String returnUrl) {
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
                .limit(client.signIn().maxPendingLogins()).forEach(s -> store.takePending(request, s));
    }

    private static java.util.Map<String, List<String>> toLists(HttpServletRequest request) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        request.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
