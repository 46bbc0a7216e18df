package dev.imsauth.web;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What application code behind {@link dev.imsauth.servlet.ImsAuthFilter} (or the Jakarta Security mechanism)
 * can ask about the current user, without CDI. The filter puts one on every request it covers:
 *
 * <pre>{@code
 * ImsAuth auth = ImsAuth.from(request);
 * String header = auth.tokens().authorizationHeader();        // refreshed first when about to expire
 * if (!auth.requireScopes(response, "itwins:modify")) {
 *     return;                                                  // the user is on the way to IMS and comes back here
 * }
 * }</pre>
 *
 * <p><b>Incremental scopes.</b> {@link #requireScopes} sends a browser through the provider again, asking
 * for the scopes already granted plus the new ones, and returns it to the same URL (GET) afterwards. An API
 * call gets 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} instead. When the provider
 * comes back without granting them, the user gets 403 rather than an endless round trip.
 *
 * <p><b>The request's context.</b> The same object is what the flows of this package know about the request
 * instead of request attributes: its path below the context, and whether it is an API call or a browser
 * navigation — decided only when an answer depends on it, and then once. Made by {@link WebFlows#begin}.
 */
public final class ImsAuth {
    /** The request attribute under which the filter stores the instance. */
    public static final String ATTRIBUTE = ImsAuth.class.getName();
    private static final byte UNDECIDED = 0;
    private static final byte API_CALL = 1;
    private static final byte BROWSER = 2;
    private final HttpServletRequest request;
    private final SignInFlow signIn;
    private final ScopeStepUp scopes;
    private final ApiRequests apiRequests;
    private final ProviderSettings provider;
    private final AppPages pages;
    private String path;
    private byte kind = UNDECIDED;

    ImsAuth(HttpServletRequest request, SignInFlow signIn, ScopeStepUp scopes, ApiRequests apiRequests,
            ProviderSettings provider, AppPages pages) {
        this.pages = pages;
        this.request = request;
        this.signIn = signIn;
        this.scopes = scopes;
        this.apiRequests = apiRequests;
        this.provider = provider;
    }

    /** The instance the filter (or the security mechanism) stored on this request. */
    public static ImsAuth from(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ImsAuth auth) {
            return auth;
        }
        throw new IllegalStateException("No ImsAuth on this request: map ImsAuthFilter (or enable the ims-auth "
                + "security mechanism) for this URL");
    }

    /** The provider and client settings (client id, principal and groups claims) of the filter or mechanism. */
    /** The application's own pages ({@code ims.error-page} and the others), if it configured any. */
    AppPages pages() {
        return pages;
    }

    public ProviderSettings provider() {
        return provider;
    }

    /** The signed-in user, refreshed when the access token is about to expire; empty when nobody is signed in. */
    public Optional<SignedInUser> user() {
        return signIn.currentUser(this);
    }

    /** The user's tokens, refreshed when about to expire; {@code sign_in_required} (401 kind) without a user. */
    public TokenSet tokens() {
        return user().orElseThrow(() -> new ImsAuthException(Failure.AUTHENTICATION_FAILED, "sign_in_required",
                "No user is signed in")).tokens();
    }

    /** The user's access token as a source for API clients such as {@code ITwinClient}. */
    public AccessTokenSource tokenSource() {
        return signIn.tokenSource(request);
    }

    /** True when the user's access token carries every one of these scopes. */
    public boolean hasScopes(String... scopes) {
        List<String> wanted = ScopeStepUp.validated(scopes);
        return user().map(u -> u.tokens().scopes().containsAll(wanted)).orElse(false);
    }

    /**
     * True when the user's token carries every one of these scopes. Otherwise answers the request — a
     * redirect to the provider asking for them (browsers), 401/403 JSON (API calls), or 403 when the
     * provider just declined them — and returns false; the caller then returns without writing.
     */
    public boolean requireScopes(HttpServletResponse response, String... scopes) throws IOException {
        return this.scopes.require(this, response, ScopeStepUp.validated(scopes));
    }

    /**
     * Starts a sign-in that comes back to {@code returnUrl} (a same-origin path; anything else comes back to the
     * application's landing page), e.g. from an application's own "Sign in" link. API calls get 401 JSON.
     */
    public void signIn(HttpServletResponse response, String returnUrl) throws IOException {
        signIn.challenge(this, response, returnUrl, List.of());
    }

    /** The request this context belongs to (as the filter or the mechanism received it). */
    HttpServletRequest request() {
        return request;
    }

    /** The path below the context, decoded, as servlet mappings see it; worked out once. */
    String path() {
        String p = path;
        if (p == null) {
            p = ApiRequests.pathInContext(request);
            path = p;
        }
        return p;
    }

    /** True for a script's or XHR/fetch call (see {@link ApiRequests}); decided on the first question, then kept. */
    boolean isApiCall() {
        if (kind == UNDECIDED) {
            kind = apiRequests.isApiCall(request, path()) ? API_CALL : BROWSER;
        }
        return kind == API_CALL;
    }
}
