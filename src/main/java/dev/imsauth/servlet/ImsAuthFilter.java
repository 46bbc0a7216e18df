package dev.imsauth.servlet;

import dev.imsauth.web.SignInCustomizer;
import dev.imsauth.web.SignInFlow;
import dev.imsauth.web.LogoutFlow;
import dev.imsauth.web.ReturnUrls;
import dev.imsauth.web.ApiRequests;
import dev.imsauth.web.ErrorResponses;
import dev.imsauth.web.PathRules;
import dev.imsauth.web.SignOutRoutes;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.StartupReport;
import dev.imsauth.web.ImsAuth;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.config.SignInSettings;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.session.LogoutRecords;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The drop-in sign-in filter. Declare it in web.xml with the init-params {@code ims.client-id} (and
 * optionally {@code ims.client-secret}, {@code ims.redirect-uri}, …, see docs/configuration.md); every
 * request it covers then needs a signed-in user, except the public paths. Signed-in requests see
 * {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole()}, and {@link ImsAuth#from}
 * gives the user's tokens. Tokens are refreshed before they expire (one refresh per session at a time); a
 * refused refresh signs the user out, a provider outage after expiry answers 503. API calls get 401 JSON
 * instead of a redirect; {@code ims.logout-path} signs out (see {@link LogoutFlow}), {@code ims.signed-out-path}
 * is the always-public signed-out page, {@code ims.backchannel-logout-path} takes the provider's logout tokens
 * (see {@link SignOutRoutes}), and
 * {@code request.logout()} forgets the user's tokens. No CDI needed; where CDI is present, the token and user
 * beans of {@code dev.imsauth.cdi} work behind the filter too.
 */
public class ImsAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private transient OidcClient presetClient;
    private transient LogoutRecords presetRecords;
    private transient SignInFlow flow;
    private transient SignOutRoutes signOut;
    private transient PathRules publicPaths;
    private transient OidcClient ownClient;

    /** For containers: configuration comes from init-params, system properties and the environment. */
    public ImsAuthFilter() {
    }

    /** For programmatic registration with a ready client (tests, embedded servers). */
    public ImsAuthFilter(OidcClient client) {
        this.presetClient = client;
    }

    /** Like {@link #ImsAuthFilter(OidcClient)}, sharing back-channel logouts with other nodes through {@code records}. */
    public ImsAuthFilter(OidcClient client, LogoutRecords records) {
        this.presetClient = client;
        this.presetRecords = records;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        OidcClient client = presetClient != null ? presetClient : create(filterConfig);
        ownClient = presetClient != null ? null : client;
        SignInSettings signIn = client.signIn();
        SessionStore store = new SessionStore(client.clock(), signIn.loginTimeout(), signIn.maxPendingLogins());
        LogoutRecords records = presetRecords != null ? presetRecords : LogoutStores.of(signIn);
        SignInCustomizer customizer = SignInCustomizer.load(InitParamSource.of(filterConfig),
                Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                        : ImsAuthFilter.class.getClassLoader());
        flow = new SignInFlow(client, store, new BackChannelLogouts(records, client.clock(), signIn.logoutCheckInterval()),
                customizer);
        signOut = new SignOutRoutes(flow);
        publicPaths = new PathRules(signIn.publicPaths());
        StartupReport.discoverAndLog(client, "filter", filterConfig.getServletContext().getContextPath());
    }

    private static OidcClient create(FilterConfig filterConfig) {
        ImsAuthConfig config = ImsAuthConfig.load(InitParamSource.of(filterConfig));
        return OidcClient.create(config.provider(), config.signIn());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        flow.begin(request);
        if (flow.isCallback(request)) {
            Optional<SignInFlow.CompletedSignIn> done = flow.handleCallback(request, response);
            if (done.isPresent()) {
                flow.redirectAfterSignIn(response, done.get().returnUrl());
            }
            return;
        }
        if (signOut.answer(request, response)) {
            return;
        }
        boolean isPublic = publicPaths.matches(ApiRequests.pathInContext(request)) || signOut.isLanding(request);
        Optional<SignedInUser> user;
        try {
            user = flow.currentUser(request);
        } catch (ImsAuthException e) {
            if (!isPublic) {
                ErrorResponses.send(request, response, e, ReturnUrls.of(request));
                return;
            }
            user = Optional.empty();
        }
        ImsAuth.bind(flow, request);
        if (user.isPresent()) {
            chain.doFilter(new SignedInRequest(request, user.get(), flow.client().provider(), flow.store()), response);
        } else if (isPublic) {
            chain.doFilter(request, response);
        } else {
            flow.challenge(request, response);
        }
    }

    /** Releases what the filter started (the HTTP client's threads), unless the client was handed in. */
    @Override
    public void destroy() {
        if (ownClient != null) {
            ownClient.close();
            ownClient = null;
        }
        super.destroy();
    }

    /** The sign-in flow this filter runs (for adapters that share it). */
    public SignInFlow flow() {
        return flow;
    }

    /** The logout flow this filter runs. */
    public LogoutFlow logoutFlow() {
        return signOut.logout();
    }
}
