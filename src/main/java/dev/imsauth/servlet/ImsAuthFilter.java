package dev.imsauth.servlet;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.event.EventListeners;
import dev.imsauth.event.ImsAuthEvents;
import dev.imsauth.event.jmx.EventCounters;
import dev.imsauth.event.jmx.ImsAuthMBeans;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.LogoutRecords;
import dev.imsauth.web.ImsAuth;
import dev.imsauth.web.LogoutStores;
import dev.imsauth.web.SignInCustomizer;
import dev.imsauth.web.WebFlows;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The drop-in sign-in filter. Declare it in web.xml with the init-params {@code ims.client-id} (and
 * optionally {@code ims.client-secret}, {@code ims.redirect-uri}, …, see docs/configuration.md); every
 * request it covers then needs a signed-in user, except the public paths. Signed-in requests see
 * {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole()}, and {@link ImsAuth#from}
 * gives the user's tokens. Tokens are refreshed before they expire (one refresh per session at a time); a
 * refused refresh signs the user out, a provider outage after expiry answers 503. API calls get 401 JSON
 * instead of a redirect; {@code ims.logout-path} signs out, {@code ims.signed-out-path} is the always-public
 * signed-out page, {@code ims.backchannel-logout-path} takes the provider's logout tokens, and
 * {@code request.logout()} forgets the user's tokens. No CDI needed; where CDI is present, the token and user
 * beans of {@code dev.imsauth.cdi} work behind the filter too. The work is done by the {@link WebFlows} that
 * {@link #init} builds, the same the Jakarta Security mechanism runs on.
 */
public class ImsAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private transient OidcClient presetClient;
    private transient LogoutRecords presetRecords;
    private transient WebFlows flows;
    private transient String principalClaim;
    private transient String groupsClaim;
    private transient OidcClient ownClient;
    private transient ImsAuthMBeans.Registration mbean;

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
        ConfigSource source = InitParamSource.of(filterConfig);
        OidcClient client = presetClient != null ? presetClient : create(source);
        ownClient = presetClient != null ? null : client;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SignInCustomizer customizer = SignInCustomizer.load(source,
                loader != null ? loader : ImsAuthFilter.class.getClassLoader());
        EventCounters counters = new EventCounters();
        ImsAuthEvents events = new ImsAuthEvents(EventListeners.load(filterConfig.getServletContext().getClassLoader(),
                source.get(ConfigKey.EVENT_LISTENERS.key())), client.clock()).with(counters);
        flows = WebFlows.create(client, presetRecords != null ? presetRecords : LogoutStores.of(client.signIn()), true,
                customizer, events);
        mbean = ImsAuthMBeans.register(filterConfig.getServletContext().getContextPath(), counters);
        principalClaim = client.provider().principalClaim();
        groupsClaim = client.provider().groupsClaim();
        flows.warmUp("filter", filterConfig.getServletContext().getContextPath());
    }

    private static OidcClient create(ConfigSource source) {
        ImsAuthConfig config = ImsAuthConfig.load(source);
        return OidcClient.create(config.provider(), config.signIn());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ImsAuth web = flows.begin(request);
        if (flows.isCallback(web)) {
            flows.completeSignIn(web, response);
            return;
        }
        if (flows.answerSignOut(web, response)) {
            return;
        }
        SignedInUser user;
        try {
            user = flows.signedInUser(web);
        } catch (ImsAuthException e) {
            if (!flows.isPublic(web)) {
                flows.fail(web, response, e);
                return;
            }
            user = null;
        }
        if (user != null) {
            chain.doFilter(new SignedInRequest(request, user, principalClaim, groupsClaim, flows), response);
        } else if (flows.isPublic(web)) {
            chain.doFilter(request, response);
        } else {
            flows.challenge(web, response);
        }
    }

    /** Releases what the filter started (the HTTP client's threads), unless the client was handed in. */
    @Override
    public void destroy() {
        if (mbean != null) {
            mbean.close();
            mbean = null;
        }
        if (ownClient != null) {
            ownClient.close();
            ownClient = null;
        }
        super.destroy();
    }
}
