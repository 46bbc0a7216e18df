package dev.imsauth.web;

import dev.imsauth.config.SignInSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * Tells a script's or XHR/fetch call from a browser navigation, so that API calls get 401 JSON instead of
 * a redirect to a login page they cannot follow. A request is an API call when its path matches
 * {@code ims.api-paths}, or — while {@code ims.api-detection} is on (the default) — when it has
 * {@code X-Requested-With}, a {@code Sec-Fetch-Mode} other than {@code navigate}, or an {@code Accept}
 * that does not ask for HTML.
 *
 * <p>Asked only when an answer depends on it (a challenge, an error page, a scope check), through the
 * request's {@link ImsAuth}, which keeps the answer for the rest of the request; a signed-in request that
 * passes through never asks.
 */
final class ApiRequests {
    private final PathRules apiPaths;
    private final boolean detectByHeaders;

    ApiRequests(List<String> apiPaths, boolean detectByHeaders) {
        this.apiPaths = new PathRules(apiPaths);
        this.detectByHeaders = detectByHeaders;
    }

    /** From {@code ims.api-paths} and {@code ims.api-detection}. */
    ApiRequests(SignInSettings config) {
        this(config.apiPaths(), config.apiDetection());
    }

    /** Decides by the configured rules; {@code path} is the request's {@link #pathInContext}. */
    boolean isApiCall(HttpServletRequest request, String path) {
        return apiPaths.matches(path) || (detectByHeaders && byHeaders(request));
    }

    /** The header rules alone. */
    static boolean byHeaders(HttpServletRequest request) {
        if (request.getHeader("X-Requested-With") != null) {
            return true;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return !mode.equalsIgnoreCase("navigate");
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return !a.contains("text/html") && !a.contains("application/xhtml+xml") && !a.contains("*/*");
    }

    /** The path below the context, decoded, as servlet mappings see it. */
    static String pathInContext(HttpServletRequest request) {
        String info = request.getPathInfo();
        String servletPath = request.getServletPath();
        if (info == null || info.isEmpty()) {
            return servletPath == null ? "" : servletPath;
        }
        return servletPath == null || servletPath.isEmpty() ? info : servletPath + info;
    }
}
