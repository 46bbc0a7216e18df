package dev.imsauth.web;

import dev.imsauth.config.SignInSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Turns the configured redirect URI (absolute, or a path) into the absolute one sent to the provider.
 * A path is resolved against {@code ims.public-base-url} when set, else against the proxy's
 * {@code Forwarded}/{@code X-Forwarded-*} headers when {@code ims.trust-forwarded-headers} is on, else
 * against the request itself.
 */
public final class RedirectUris {
    private final SignInSettings config;
    /** The callback path of an absolute redirect URI, parsed once; null for a relative one. */
    private final String absoluteCallbackPath;

    public RedirectUris(SignInSettings config) {
        this.config = config;
        this.absoluteCallbackPath = config.redirectUriIsRelative() ? null : URI.create(config.redirectUri()).getRawPath();
    }

    /** The absolute redirect URI for this request. */
    public URI redirectUri(HttpServletRequest request) {
        return resolve(request, config.redirectUri());
    }

    /** An absolute URL for a configured path or URL (redirect or post-logout URI). */
    public URI resolve(HttpServletRequest request, String configured) {
        if (!configured.startsWith("/")) {
            return URI.create(configured);
        }
        return URI.create(origin(request) + request.getContextPath() + configured);
    }

    /** The path (below the server root) on which callbacks arrive. */
    public String callbackPath(HttpServletRequest request) {
        return absoluteCallbackPath != null ? absoluteCallbackPath : request.getContextPath() + config.redirectUri();
    }

    /**
     * True when the request arrives on the callback path. Asked on every request, so it neither parses
     * nor concatenates: context path and configured path are compared in place.
     */
    public boolean isCallback(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (absoluteCallbackPath != null) {
            return uri.equals(absoluteCallbackPath);
        }
        String context = request.getContextPath();
        String path = config.redirectUri();
        return uri.length() == context.length() + path.length() && uri.startsWith(context)
                && uri.startsWith(path, context.length());
    }

    /** The public origin of the app as seen by the browser. */
    String origin(HttpServletRequest request) {
        if (config.publicBaseUrl().isPresent()) {
            return config.publicBaseUrl().get().toString();
        }
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        if (config.trustForwardedHeaders()) {
            ForwardedHeaders fwd = ForwardedHeaders.of(request);
            scheme = fwd.proto().orElse(scheme);
            if (fwd.host().isPresent()) {
                String h = fwd.host().get();
                int colon = h.lastIndexOf(':');
                boolean hasPort = colon > 0 && h.indexOf(']') < colon;
                host = hasPort ? h.substring(0, colon) : h;
                port = fwd.port().orElse(hasPort ? Integer.parseInt(h.substring(colon + 1)) : defaultPort(scheme));
            } else {
                port = fwd.port().orElse(fwd.proto().isPresent() ? defaultPort(scheme) : port);
            }
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == defaultPort(scheme);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
