package dev.imsauth.web;

import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.OpaqueValues;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.SessionStore;
import dev.imsauth.session.SignOutInProgress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Signs the user out at {@code ims.logout-path} (default {@code /logout}); shared by the filter and the
 * Jakarta Security mechanism.
 *
 * <ul>
 * <li>{@code GET} changes nothing: it shows a small page with a POST form (carrying a per-session token),
 *     so a link or an image on another site cannot sign anyone out.</li>
 * <li>{@code POST} is accepted when the browser proves it comes from this origin ({@code Sec-Fetch-Site:
 *     same-origin}, else {@code Origin}, else {@code Referer}) or, when it sends none of these, carries the
 *     form's token. A cross-site POST gets 403 and the user stays signed in (see {@link LogoutGuard}).</li>
 * <li>An accepted logout invalidates the session and redirects to the provider's {@code end_session_endpoint}
 *     with {@code id_token_hint}, {@code client_id}, {@code post_logout_redirect_uri} and {@code state}, so that
 *     the provider ends its own session and records the logout. The refresh token is revoked only afterwards,
 *     when the browser is back ({@link SignedOutPage}): a provider that ends its session on revocation
 *     (Keycloak) would otherwise find no session at end-session. Without an end-session endpoint it is a local
 *     logout: the refresh token is revoked at once and the browser goes to {@code ims.post-logout-redirect-uri}
 *     (default the built-in signed-out page).</li>
 * </ul>
 * The confirmation page's {@code Content-Security-Policy} allows the form to lead to the provider's end-session
 * origin ({@code form-action}), since browsers apply {@code form-action} to the redirects after the POST too.
 */
public final class LogoutFlow {
    /** The form field carrying the per-session logout token. */
    public static final String TOKEN_FIELD = "ims_logout_token";
    private static final System.Logger LOG = System.getLogger(LogoutFlow.class.getName());
    private final OidcClient client;
    private final SessionStore store;
    private final RedirectUris redirectUris;
    private final LogoutGuard guard;
    private final SecureRandom random = new SecureRandom();
    private final AppPages pages;

    public LogoutFlow(OidcClient client, SessionStore store) {
        this.client = client;
        this.pages = new AppPages(client.signIn());
        this.store = store;
        this.redirectUris = new RedirectUris(client.signIn());
        this.guard = new LogoutGuard(redirectUris, store);
    }

    /** True when the request is for the logout path. */
    public boolean isLogoutRequest(HttpServletRequest request) {
        return ApiRequests.pathInContext(request).equals(client.signIn().logoutPath());
    }

    /** Answers a request to the logout path completely (confirmation page, refusal, or the sign-out redirect). */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.noStore(response);
        String method = request.getMethod();
        if ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) {
            confirm(request, response);
        } else if ("POST".equalsIgnoreCase(method)) {
            if (guard.permits(request)) {
                signOut(request, response);
            } else {
                LOG.log(System.Logger.Level.WARNING, "Refused a logout request that did not come from this site "
                        + "(Origin {0}, Sec-Fetch-Site {1})", request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
                ErrorResponses.send(request, response, 403, "cross_site_logout", "This sign-out request did not come "
                        + "from this site, so you are still signed in. Use the sign-out button of the application.",
                        request.getContextPath() + client.signIn().logoutPath());
            }
        } else {
            response.setHeader("Allow", "GET, POST");
            ErrorResponses.send(request, response, 405, "method_not_allowed", "Sign out with POST.", null);
        }
    }

    /**
     * Ends the session and revokes the refresh token, then redirects to the provider's end-session endpoint
     * or, without one, to the post-logout URI. Call only for a request already checked against cross-site use.
     */
    public void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SignedInUser> user = store.invalidate(request);
        URI postLogout = redirectUris.resolve(request, client.signIn().postLogoutRedirectUri());
        URI target = postLogout;
        if (user.isPresent()) {
            try {
                String state = newState();
                Optional<URI> endSession = client.endSessionUri(user.get(), postLogout, state);
                if (endSession.isPresent()) {
                    store.rememberSignOut(request, new SignOutInProgress(state, user.get()));
                    target = endSession.get();
                } else {
                    client.revoke(user.get());
                }
            } catch (ImsAuthException e) {
                LOG.log(System.Logger.Level.WARNING, "The identity provider is not usable ({0}); signed out locally only",
                        e.getMessage());
            }
            LOG.log(System.Logger.Level.DEBUG, "Signed out subject {0}", user.get().claims().subject());
        }
        ErrorResponses.noStore(response);
        response.sendRedirect(target.toString());
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean signedIn = store.user(request).isPresent();
        if (ApiRequests.isApiCall(request)) {
            response.setHeader("Allow", "POST");
            ErrorResponses.send(request, response, 405, "method_not_allowed", "Sign out with POST.", null);
            return;
        }
        if (pages.logoutConfirm(request, response, confirmAttributes(request, signedIn))) {
            return;
        }
        PageWords words = PageWords.of(PageWords.PAGES, request.getLocale());
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action "
                + formTargets() + "; frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        String body = signedIn
                ? "<h1>" + words.html("logout.question") + "</h1><form method=\"post\" action=\""
                + ErrorResponses.html(request.getRequestURI()) + "\"><input type=\"hidden\" name=\"" + TOKEN_FIELD
                + "\" value=\"" + ErrorResponses.html(store.logoutToken(request).orElseThrow()) + "\">"
                + "<button type=\"submit\">" + words.html("logout.button") + "</button></form>"
                : "<h1>" + words.html("logout.signed-out") + "</h1><p><a href=\""
                + ErrorResponses.html(ReturnUrls.fallback(request)) + "\">" + words.html("logout.continue") + "</a></p>";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + ErrorResponses.html(words.language())
                + "\"><head><meta charset=\"utf-8\"><title>" + words.html("logout.title") + "</title><style>body{"
                + "font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style></head><body>"
                + body + "</body></html>");
    }

    /** What an application's own confirmation page needs to build the form (docs/customising.md). */
    private java.util.Map<String, Object> confirmAttributes(HttpServletRequest request, boolean signedIn) {
        java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put(AppPages.LOGOUT_SIGNED_IN, signedIn);
        attributes.put(AppPages.LOGOUT_ACTION, request.getRequestURI());
        attributes.put(AppPages.LOGOUT_TOKEN_NAME, TOKEN_FIELD);
        if (signedIn) {
            attributes.put(AppPages.LOGOUT_TOKEN, store.logoutToken(request).orElseThrow());
        }
        return attributes;
    }

    /**
     * {@code 'self'} and the origins the POST may redirect to: the provider's end-session endpoint and an absolute
     * post-logout URI. Without discovery only {@code 'self'} (the sign-out is then local).
     */
    private String formTargets() {
        StringBuilder sources = new StringBuilder("'self'");
        try {
            client.metadata().endSessionEndpoint().map(LogoutFlow::origin).ifPresent(o -> sources.append(' ').append(o));
        } catch (ImsAuthException providerDown) {
            // the sign-out will be local, to 'self' or the post-logout URI
        }
        if (!client.signIn().postLogoutRedirectIsPath()) {
            sources.append(' ').append(origin(URI.create(client.signIn().postLogoutRedirectUri())));
        }
        return sources.toString();
    }

    /**
     * scheme://host[:port] of an absolute URI from configuration or discovery (both already validated); an
     * authority with characters that could end a CSP source expression becomes {@code 'none'} instead.
     */
    private static String origin(URI uri) {
        String authority = uri.getRawAuthority();
        return authority != null && authority.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")
                ? uri.getScheme() + "://" + authority : "'none'";
    }

    private String newState() {
        return OpaqueValues.random(random, 24);
    }
}
