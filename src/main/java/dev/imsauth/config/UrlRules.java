package dev.imsauth.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The URL policy: provider URLs are https, except http on a loopback host when
 * {@code ims.allow-insecure-loopback} is on (local development and tests). Used by the configuration and
 * by discovery, which applies the same rule to every discovered endpoint.
 */
public final class UrlRules {
    private final boolean allowInsecureLoopback;

    public UrlRules(boolean allowInsecureLoopback) {
        this.allowInsecureLoopback = allowInsecureLoopback;
    }

    /** An absolute https URL (or http on loopback when allowed), without query or fragment. */
    public URI providerUrl(String key, String value) {
        URI uri = absolute(key, value);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ImsAuthConfigException(key, "must not have a query or fragment; got '" + value + "'");
        }
        requireSecureScheme(key, uri);
        return uri;
    }

    /** Throws unless the URI is https, or http on a loopback host while that is allowed. */
    public void requireSecureScheme(String key, URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            if (allowInsecureLoopback) {
                return;
            }
            throw new ImsAuthConfigException(key, "uses http on a loopback host; set "
                    + ConfigKey.ALLOW_INSECURE_LOOPBACK.key() + "=true for local development, or use https: '" + uri + "'");
        }
        throw new ImsAuthConfigException(key, "must use https; got '" + uri + "'");
    }

    /** The value without one trailing {@code /} (a base URL to append paths to); {@code null} stays {@code null}. */
    public static String withoutTrailingSlash(String value) {
        return value != null && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** A path starting with a single {@code /}, or an absolute http(s) URL of the app itself. */
    String appUrlOrPath(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ImsAuthConfigException(key, "is empty; use a path such as /signin-oidc or an absolute https URL");
        }
        if (value.startsWith("/") && !value.startsWith("//") && !value.contains("\\")) {
            return value;
        }
        URI uri = absolute(key, value);
        if (uri.getRawFragment() != null) {
            throw new ImsAuthConfigException(key, "must not have a fragment; got '" + value + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopbackName(uri.getHost()))) {
            throw new ImsAuthConfigException(key, "must be https (http only for localhost); got '" + value + "'");
        }
        return value;
    }

    /** An origin: scheme, host and optional port, nothing else. */
    URI origin(String key, String value) {
        URI uri = absolute(key, value);
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            throw new ImsAuthConfigException(key, "must be an origin such as https://portal.example.com (no path); got '"
                    + value + "'");
        }
        return uri;
    }

    private static URI absolute(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                throw new ImsAuthConfigException(key, "must be an absolute https URL; got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new ImsAuthConfigException(key, "is not a valid URL: '" + value + "'");
        }
    }

    private static boolean isLoopbackName(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || isLoopback(host));
    }

    /** Loopback by literal address or the name localhost; never resolves other names. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
