package dev.imsauth.web;

import dev.imsauth.session.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides whether a logout POST may sign the user out (OWASP CSRF): the browser's own same-origin signals
 * first — {@code Sec-Fetch-Site}, then {@code Origin}, then {@code Referer} — and any of them naming
 * another site refuses. Only a request with none of them (old or privacy-hardened browsers, scripts) may
 * instead prove itself with the session's logout-form token.
 */
final class LogoutGuard {
    private final RedirectUris redirectUris;
    private final SessionStore store;

    LogoutGuard(RedirectUris redirectUris, SessionStore store) {
        this.redirectUris = redirectUris;
        this.store = store;
    }

    boolean permits(HttpServletRequest request) {
        Verdict verdict = verdict(request);
        return verdict == Verdict.SAME_ORIGIN
                || (verdict == Verdict.UNKNOWN && store.isLogoutToken(request, request.getParameter(LogoutFlow.TOKEN_FIELD)));
    }

    private Verdict verdict(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") ? Verdict.SAME_ORIGIN : Verdict.CROSS_SITE;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            return sameOrigin(request, origin) ? Verdict.SAME_ORIGIN : Verdict.CROSS_SITE;
        }
        if (origin != null) {
            return Verdict.UNKNOWN; // "null": a sandboxed or privacy-sensitive context; the token decides
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return sameOrigin(request, originOf(referer)) ? Verdict.SAME_ORIGIN : Verdict.CROSS_SITE;
        }
        return Verdict.UNKNOWN;
    }

    private boolean sameOrigin(HttpServletRequest request, String origin) {
        return origin != null && origin.toLowerCase(Locale.ROOT).equals(redirectUris.origin(request).toLowerCase(Locale.ROOT));
    }

    /** scheme://host[:port] of a URL, default ports left out as browsers do in Origin; null when unparsable. */
    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 443 && uri.getScheme().equalsIgnoreCase("https"))
                    || (port == 80 && uri.getScheme().equalsIgnoreCase("http"));
            return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private enum Verdict { SAME_ORIGIN, CROSS_SITE, UNKNOWN }
}
