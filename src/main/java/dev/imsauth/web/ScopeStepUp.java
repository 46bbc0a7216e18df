package dev.imsauth.web;

import dev.imsauth.config.ServiceScopes;
import dev.imsauth.protocol.OpaqueValues;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.session.ScopeRequest;
import dev.imsauth.session.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Incremental scopes ({@link ImsAuth#requireScopes}): a browser whose token lacks scopes goes through the
 * provider again asking for them (the ones granted plus the new ones); an API call, or a user whose provider
 * has just declined them, gets 403 {@code insufficient_scope}. What was asked is remembered in the session
 * through {@link SessionStore} until the user has the scopes.
 */
final class ScopeStepUp {
    private final SignInFlow signIn;
    private final SessionStore store;

    ScopeStepUp(SignInFlow signIn, SessionStore store) {
        this.signIn = signIn;
        this.store = store;
    }

    boolean require(ImsAuth web, HttpServletResponse response, List<String> wanted) throws IOException {
        HttpServletRequest request = web.request();
        Optional<SignedInUser> user = signIn.currentUser(web);
        if (user.isPresent() && user.get().tokens().scopes().containsAll(wanted)) {
            store.forgetScopeRequest(request);
            return true;
        }
        String scopeText = String.join(" ", wanted);
        if (user.isPresent() && (web.isApiCall() || declinedJustNow(request, user.get(), wanted))) {
            store.forgetScopeRequest(request);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ims\", error=\"insufficient_scope\", scope=\""
                    + scopeText + "\"");
            ErrorResponses.send(web, response, 403, "insufficient_scope", "This needs permissions you have not "
                    + "granted to the application: " + scopeText, ReturnUrls.fallback(request));
            return false;
        }
        LinkedHashSet<String> ask = new LinkedHashSet<>(user.map(u -> u.tokens().scopes()).orElse(List.of()));
        ask.addAll(wanted);
        if (user.isPresent()) {
            store.rememberScopeRequest(request, new ScopeRequest(wanted, generation(user.get())));
        }
        signIn.challenge(web, response, ReturnUrls.of(request), List.copyOf(ask));
        return false;
    }

    /** True when we asked for these scopes and a new sign-in has completed since, still without them. */
    private boolean declinedJustNow(HttpServletRequest request, SignedInUser user, List<String> wanted) {
        return store.scopeRequest(request).filter(asked -> asked.scopes().containsAll(wanted)
                && !asked.generation().equals(generation(user))).isPresent();
    }

    /** Names the user's current token generation without keeping the token: a hash of the access token. */
    private static String generation(SignedInUser user) {
        return OpaqueValues.sha256(user.tokens().accessToken());
    }

    static List<String> validated(String... scopes) {
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
}
