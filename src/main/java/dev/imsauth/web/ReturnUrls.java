package dev.imsauth.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where to send the user after sign-in: the same-origin path and query of the request that needed it,
 * taken from the request line (never from a parameter), kept server-side with the pending sign-in, and
 * checked again before use. Anything that could leave the origin falls back to the context root.
 */
public final class ReturnUrls {
    private static final int MAX_LENGTH = 2048;
    private static final int MAX_DECODINGS = 2;

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
     * True for a path on this origin: starts with one {@code /} (not {@code //}, {@code /\} or {@code /@}),
     * no backslash, no control or white-space characters (header splitting), no scheme, bounded length —
     * and the same holds after percent-decoding it (up to twice), so {@code /%2F/evil.com},
     * {@code /%09/evil.com} or an encoded CR LF fall back too. A target still encoded after two rounds is
     * refused: no honest return URL is.
     */
    public static boolean isSafe(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH || !safeStart(target)) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && Character.isISOControl(c))) {
                return false;
            }
        }
        String current = target;
        for (int round = 0; round <= MAX_DECODINGS; round++) {
            String decoded = percentDecode(current);
            if (decoded.equals(current)) {
                return true;
            }
            if (!safeStart(decoded) || hasControlOrPathBackslash(decoded)) {
                return false;
            }
            current = decoded;
        }
        return false;
    }

    private static boolean safeStart(String s) {
        return s.length() > 0 && s.charAt(0) == '/'
                && (s.length() == 1 || (s.charAt(1) != '/' && s.charAt(1) != '\\' && s.charAt(1) != '@'));
    }

    /** Control characters anywhere, or a backslash in the path (browsers read it as a slash). */
    private static boolean hasControlOrPathBackslash(String s) {
        int query = s.indexOf('?');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && Character.isISOControl(c))
                    || (c == '\\' && (query < 0 || i < query))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A safe target as it may stand in a {@code Location} header: characters outside ASCII are
     * percent-encoded as UTF-8 (as a browser does for a path), since header values are Latin-1 at best
     * and a container may mangle the rest. ASCII targets are returned as they are.
     */
    public static String toLocation(String safeTarget) {
        StringBuilder out = null;
        for (int i = 0; i < safeTarget.length(); i++) {
            char c = safeTarget.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(safeTarget.length() + 16).append(safeTarget, 0, i);
            }
            int cp = safeTarget.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out == null ? safeTarget : out.toString();
    }

    /** Decodes %XX escapes as UTF-8 (a '+' stays a '+'); malformed escapes are kept as they are. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
