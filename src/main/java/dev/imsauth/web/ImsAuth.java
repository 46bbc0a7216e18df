package dev.imsauth.web;

import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.ServiceScopes;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.protocol.TokenSet;
import dev.imsauth.protocol.OpaqueValues;
import dev.imsauth.config.ServiceScopes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What application code behind {@link dev.imsauth.servlet.ImsAuthFilter} can ask about the current user, without CDI. The filter
 * puts one on every request it covers:
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
 */
public final class ImsAuth {
    /** The request attribute under which the filter stores the instance. */
    public static final String ATTRIBUTE = ImsAuth.class.getName();
    static final String SCOPE_REQUEST_ATTRIBUTE = "dev.imsauth.scope-request";
    private final SignInFlow flow;
    private final HttpServletRequest request;

    /** An instance for one request; adapters call {@link #bind} instead. */
    public ImsAuth(SignInFlow flow, HttpServletRequest request) {
        this.flow = flow;
        this.request = request;
    }

    /** Creates the instance for this request and stores it as the {@link #ATTRIBUTE} attribute. */
    public static ImsAuth bind(SignInFlow flow, HttpServletRequest request) {
        ImsAuth auth = new ImsAuth(flow, request);
        request.setAttribute(ATTRIBUTE, auth);
        return auth;
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
    public ProviderSettings provider() {
        return flow.client().provider();
    }

    /** The signed-in user, refreshed when the access token is about to expire; empty when nobody is signed in. */
    public Optional<SignedInUser> user() {
        return flow.currentUser(request);
    }

    /** The user's tokens, refreshed when about to expire; {@code sign_in_required} (401 kind) without a user. */
    public TokenSet tokens() {
        return user().orElseThrow(() -> new ImsAuthException(Failure.AUTHENTICATION_FAILED, "sign_in_required",
                "No user is signed in")).tokens();
    }

    /** The user's access token as a source for API clients such as {@code ITwinClient}. */
    public AccessTokenSource tokenSource() {
        return flow.refresher().tokenSource(flow.store().slot(request));
    }

    /** True when the user's access token carries every one of these scopes. */
    public boolean hasScopes(String... scopes) {
        List<String> wanted = validated(scopes);
        return user().map(u -> u.tokens().scopes().containsAll(wanted)).orElse(false);
    }

    /**
     * True when the user's token carries every one of these scopes. Otherwise answers the request — a
     * redirect to the provider asking for them (browsers), 401/403 JSON (API calls), or 403 when the
     * provider just declined them — and returns false; the caller then returns without writing.
     */
    public boolean requireScopes(HttpServletResponse response, String... scopes) throws IOException {
        List<String> wanted = validated(scopes);
        Optional<SignedInUser> user = user();
        HttpSession session = request.getSession(false);
        if (user.isPresent() && user.get().tokens().scopes().containsAll(wanted)) {
            if (session != null) {
                session.removeAttribute(SCOPE_REQUEST_ATTRIBUTE);
            }
            return true;
        }
        String scopeText = String.join(" ", wanted);
        if (user.isPresent() && (flow.apiRequests().classify(request) || declinedJustNow(session, user.get(), wanted))) {
            if (session != null) {
                session.removeAttribute(SCOPE_REQUEST_ATTRIBUTE);
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ims\", error=\"insufficient_scope\", scope=\""
                    + scopeText + "\"");
            ErrorResponses.send(request, response, 403, "insufficient_scope", "This needs permissions you have not "
                    + "granted to the application: " + scopeText, ReturnUrls.fallback(request));
            return false;
        }
        LinkedHashSet<String> ask = new LinkedHashSet<>(user.map(u -> u.tokens().scopes()).orElse(List.of()));
        ask.addAll(wanted);
        if (user.isPresent()) {
            request.getSession(true).setAttribute(SCOPE_REQUEST_ATTRIBUTE,
                    new ScopeRequest(wanted, generation(user.get())));
        }
        flow.challenge(request, response, ReturnUrls.of(request), List.copyOf(ask));
        return false;
    }

    /** True when we asked for these scopes and a new sign-in has completed since, still without them. */
    private static boolean declinedJustNow(HttpSession session, SignedInUser user, List<String> wanted) {
        return session != null && session.getAttribute(SCOPE_REQUEST_ATTRIBUTE) instanceof ScopeRequest asked
                && asked.scopes().containsAll(wanted) && !asked.generation().equals(generation(user));
    }

    /** Names the user's current token generation without keeping the token: a hash of the access token. */
    private static String generation(SignedInUser user) {
        return OpaqueValues.sha256(user.tokens().accessToken());
    }

    private static List<String> validated(String... scopes) {
        if (scopes == null || scopes.length == 0) {
            throw new IllegalArgumentException("name at least one scope");
        }
        for (String s : scopes) {
            if (!ServiceScopes.isScopeToken(s)) {
                throw new IllegalArgumentException("not a valid OAuth scope: '" + s + "'");
            }
        }
        return List.of(scopes);
    }

    /** Scopes we sent the user to the provider for, and the token generation they had then. */
    private record ScopeRequest(List<String> scopes, String generation) implements Serializable {
        private static final long serialVersionUID = 1L;

        ScopeRequest {
            scopes = List.copyOf(scopes);
        }
    }
}
