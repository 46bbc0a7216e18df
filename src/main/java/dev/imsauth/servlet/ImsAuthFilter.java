package dev.imsauth.servlet;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.SignedInUser;
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
 * {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole()}. No CDI needed.
 */
public class ImsAuthFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ImsAuthFilter.class.getName());
    private transient OidcClient presetClient;
    private transient SignInFlow flow;
    private transient PathRules publicPaths;

    /** For containers: configuration comes from init-params, system properties and the environment. */
    public ImsAuthFilter() {
    }

    /** For programmatic registration with a ready client (tests, embedded servers). */
    public ImsAuthFilter(OidcClient client) {
        this.presetClient = client;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        OidcClient client = presetClient != null ? presetClient
                : OidcClient.create(ImsAuthConfig.load(InitParamSource.of(filterConfig)));
        ImsAuthConfig config = client.config();
        flow = new SignInFlow(client, new SessionStore(client.clock(), config.loginTimeout(), config.maxPendingLogins()));
        publicPaths = new PathRules(config.publicPaths());
        warmUp(client);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (flow.isCallback(request)) {
            Optional<SignInFlow.CompletedSignIn> done = flow.handleCallback(request, response);
            if (done.isPresent()) {
                flow.redirectAfterSignIn(response, done.get().returnUrl());
            }
            return;
        }
        Optional<SignedInUser> user = flow.user(request);
        ImsAuthConfig config = flow.client().config();
        if (user.isPresent()) {
            chain.doFilter(new SignedInRequest(request, user.get(), config.principalClaim(), config.groupsClaim()), response);
        } else if (publicPaths.matches(pathInContext(request))) {
            chain.doFilter(request, response);
        } else {
            flow.challenge(request, response);
        }
    }

    /** The sign-in flow this filter runs (for adapters that share it). */
    public SignInFlow flow() {
        return flow;
    }

    private static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        return request.getServletPath() + (info == null ? "" : info);
    }

    /** Discovers the provider at start so that a misconfiguration shows in the log at once; never fails start. */
    private static void warmUp(OidcClient client) {
        try {
            client.metadata();
        } catch (ImsAuthException e) {
            LOG.log(System.Logger.Level.WARNING, "The identity provider {0} is not usable yet ({1}); sign-in answers "
                    + "503 until it is", client.config().issuer(), e.getMessage());
        }
    }
}
