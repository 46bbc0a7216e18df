package dev.imsauth.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where to send the user after sign-in: the same-origin path and query of the request that needed it,
 * taken from the request line (never from a parameter), kept server-side with the pending sign-in, and
 * checked again before use. Anything that could leave the origin falls back to the context root.
 */
public final class ReturnUrls {
    private ReturnUrls() {
    }

    /** The return target for a request that needs sign-in: its own path for GET, the context root otherwise. */
    public static String of(HttpServletRequest request) {
        String fallback = fallback(request);
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            return fallback;
        }
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return isSafe(target) ? target : fallback;
    }

    /** The landing page when there is no safe return target. */
    public static String fallback(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath() + "/";
    }

    /**
     * True for a path on this origin: starts with one {@code /}, no {@code //} or {@code /\} (protocol-relative),
     * no backslash, no control or white-space characters (header splitting), no scheme, bounded length.
     */
    public static boolean isSafe(String target) {
        if (target == null || target.isEmpty() || target.length() > 2048 || target.charAt(0) != '/') {
            return false;
        }
        if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && Character.isISOControl(c))) {
                return false;
            }
        }
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        return !lower.startsWith("/%2f") && !lower.startsWith("/%5c");
    }
}
