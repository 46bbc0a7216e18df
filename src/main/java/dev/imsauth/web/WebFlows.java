package dev.imsauth.web;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEvents;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.session.LogoutRecords;
import dev.imsauth.session.SessionStore;
import dev.imsauth.session.TokenRefresher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The web layer of one application, wired once: the one place that builds the session store, the refresher,
 * the sign-in flow, the sign-out routes and the request classification from an {@link OidcClient}, for both
 * routes — {@code ImsAuthFilter.init} and the Jakarta Security mechanism's runtime call {@link #create} and then
 * only ask this object. Per request, {@link #begin} makes the request's {@link ImsAuth} (its context) and every
 * other method takes it.
 *
 * <p>A request is answered in this order by both adapters: the provider's callback ({@link #isCallback},
 * {@link #completeSignIn}); the sign-out paths ({@link #answerSignOut}); then the signed-in user
 * ({@link #signedInUser}) or a challenge ({@link #challenge}) where sign-in is needed.
 */
public final class WebFlows {
    private final OidcClient client;
    private final ProviderSettings provider;
    private final SignInSettings settings;
    private final SessionStore store;
    private final ApiRequests apiRequests;
    private final SignInFlow signIn;
    private final ScopeStepUp scopes;
    private final SignOutRoutes signOut;
    private final PathRules publicPaths;
    private final AppPages pages;
    private final ImsAuthEvents events;

    private WebFlows(OidcClient client, ProviderSettings provider, SignInSettings config, LogoutRecords logoutRecords,
                     boolean invalidateOnSignOut, SignInCustomizer customizer, ImsAuthEvents events) {
        this.client = client;
        this.events = events;
        this.provider = provider;
        this.settings = config;
        this.store = new SessionStore(client.clock(), config.loginTimeout(), config.maxPendingLogins(), invalidateOnSignOut);
        this.apiRequests = new ApiRequests(config.apiPaths(), config.apiDetection());
        this.publicPaths = new PathRules(config.publicPaths());
        this.pages = new AppPages(config);
        RedirectUris redirectUris = new RedirectUris(config);
        BackChannelLogouts backChannelLogouts = new BackChannelLogouts(logoutRecords, client.clock(),
                config.logoutCheckInterval());
        this.signIn = new SignInFlow(client, store, redirectUris, new TokenRefresher(client, events), backChannelLogouts,
                config.maxPendingLogins(), customizer, events);
        this.scopes = new ScopeStepUp(signIn, store);
        this.signOut = new SignOutRoutes(new LogoutFlow(client, config, store, redirectUris, pages, events),
                new SignedOutPage(config, client, store, signIn, pages),
                new BackChannelLogoutEndpoint(client, backChannelLogouts, config.backChannelLogoutPath()));
    }

    /**
     * Wires the web layer over a client.
     *
     * @param logoutRecords       where back-channel logouts are shared between nodes ({@link LogoutStores#of})
     * @param invalidateOnSignOut how a sign-out ends the session: invalidated (the filter), or emptied with a new
     *                            id (the mechanism; see {@link SessionStore#SessionStore(java.time.Clock,
     *                            java.time.Duration, int, boolean)})
     */
    public static WebFlows create(OidcClient client, LogoutRecords logoutRecords, boolean invalidateOnSignOut) {
        return create(client, logoutRecords, invalidateOnSignOut, SignInCustomizer.NONE, ImsAuthEvents.none());
    }

    /**
     * Like {@link #create(OidcClient, LogoutRecords, boolean)}, with per-request authorization parameters and
     * events.
     *
     * @param customizer adds authorization parameters per sign-in ({@code ims.sign-in-customizer})
     * @param events     where sign-ins, refreshes and sign-outs are reported
     */
    public static WebFlows create(OidcClient client, LogoutRecords logoutRecords, boolean invalidateOnSignOut,
                                  SignInCustomizer customizer, ImsAuthEvents events) {
        return new WebFlows(client, client.provider(), client.signIn(), logoutRecords, invalidateOnSignOut, customizer,
                events);
    }

    /**
     * Discovers the provider now, so that a wrong issuer shows in the log at start, and logs the one start line;
     * never fails.
     *
     * @param route       what started, e.g. {@code "filter"}
     * @param contextPath the application's context path, or null when not known yet
     * @return true when discovery succeeded
     */
    public boolean warmUp(String route, String contextPath) {
        return StartupReport.discoverAndLog(client, provider, settings, route, contextPath);
    }

    /** Makes this request's context and puts it on the request as {@link ImsAuth#ATTRIBUTE} for application code. */
    public ImsAuth begin(HttpServletRequest request) {
        ImsAuth web = new ImsAuth(request, signIn, scopes, apiRequests, provider, pages);
        request.setAttribute(ImsAuth.ATTRIBUTE, web);
        return web;
    }

    /** True when this request is the provider's redirect back to us. */
    public boolean isCallback(ImsAuth web) {
        return signIn.isCallback(web);
    }

    /**
     * Answers a callback completely: the redirect on to the page first asked for, or the error page. A sign-out
     * this browser left under way in the same session (it never came back from the provider's end-session) is
     * finished now: the signed-in requests that follow do not look for one.
     */
    public void completeSignIn(ImsAuth web, HttpServletResponse response) throws IOException {
        signIn.completeSignIn(web, response);
        signOut.finishUnderWay(web);
    }

    /** Answers the logout, signed-out and back-channel paths completely (true); false for any other request. */
    public boolean answerSignOut(ImsAuth web, HttpServletResponse response) throws IOException {
        return signOut.answer(web, response);
    }

    /** True for the post-logout landing, which never needs sign-in. */
    public boolean isLanding(ImsAuth web) {
        return signOut.isLanding(web);
    }

    /** True for {@code ims.public-paths} and the post-logout landing (the filter's anonymous paths). */
    public boolean isPublic(ImsAuth web) {
        return publicPaths.matches(web.path()) || signOut.isLanding(web);
    }

    /** The signed-in user, refreshed first when about to expire (see {@link ImsAuth#user}). */
    public Optional<SignedInUser> currentUser(ImsAuth web) {
        return signIn.currentUser(web);
    }

    /**
     * The adapters' per-request call: as {@link #currentUser}, null when nobody is signed in, allocating nothing for
     * a user whose tokens need nothing. Without a user it also finishes a sign-out this browser has under way
     * (revoking the refresh token after the provider's end-session), so a signed-in request reads the session once.
     */
    public SignedInUser signedInUser(ImsAuth web) {
        SignedInUser user = signIn.signedInUser(web);
        if (user == null) {
            signOut.finishUnderWay(web);
        }
        return user;
    }

    /** Asks for sign-in: 401 JSON for API calls, else a redirect to the provider coming back to this request. */
    public void challenge(ImsAuth web, HttpServletResponse response) throws IOException {
        signIn.challenge(web, response, ReturnUrls.of(web.request()), List.of());
    }

    /** Answers a failure with its status and a page (JSON for API calls) whose "Try again" repeats this request. */
    public void fail(ImsAuth web, HttpServletResponse response, ImsAuthException e) throws IOException {
        ErrorResponses.send(web, response, e, ReturnUrls.of(web.request()));
    }

    /** Forgets the signed-in user but keeps the session ({@code request.logout()}). */
    public void forgetUser(HttpServletRequest request) {
        store.user(request).ifPresent(user -> events.signedOut(ImsAuthEvent.Type.SIGNED_OUT_LOCAL,
                user.claims().subject(), store.sessionIdHash(request), "request_logout"));
        store.signOut(request);
    }
}
