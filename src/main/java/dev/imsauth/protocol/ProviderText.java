package dev.imsauth.protocol;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Text the provider wrote for people (a token endpoint's {@code error_description}), made fit for a log
 * line and, escaped, an error page: control and format characters (CR, LF, bidirectional overrides) become
 * spaces, runs of white space one space, the length is capped at {@value #MAX_LENGTH} characters, and any
 * value the request carried that must stay secret (code, verifier, refresh token, client secret) is
 * replaced by {@code ****} should the provider echo it. HTML escaping is the page's job.
 */
final class ProviderText {
    /** The longest description kept; RFC 6749 descriptions are one short sentence. */
    static final int MAX_LENGTH = 200;
    private static final int MAX_ERROR_CODE = 64;
    private static final Pattern ERROR_CODE_CHARS = Pattern.compile("[^A-Za-z0-9_.\\-]");

    private ProviderText() {
    }

    /**
     * The description cleaned, or null when there is none (or nothing readable is left).
     *
     * @param raw     the provider's text, possibly null
     * @param secrets values sent in the request that must never be repeated (nulls ignored)
     */
    static String description(String raw, Collection<String> secrets) {
        if (raw == null) {
            return null;
        }
        String text = redact(raw, secrets);
        text = text.length() > 4 * MAX_LENGTH ? text.substring(0, 4 * MAX_LENGTH) : text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean invisible = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.isWhitespace(c) || Character.isSurrogate(c) && !validPair(text, i);
            if (!invisible) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        String clean = redact(out.toString(), secrets).strip();
        if (clean.length() > MAX_LENGTH) {
            int end = Character.isHighSurrogate(clean.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            clean = clean.substring(0, end) + "…";
        }
        return clean.isEmpty() ? null : clean;
    }

    /** An OAuth error code reduced to the characters RFC 6749 codes use, capped; {@code unknown_error} when empty. */
    static String errorCode(String raw) {
        String code = raw == null ? "" : ERROR_CODE_CHARS.matcher(raw).replaceAll("");
        code = code.length() > MAX_ERROR_CODE ? code.substring(0, MAX_ERROR_CODE) : code;
        return code.isEmpty() ? "unknown_error" : code;
    }

    private static String redact(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "****");
            }
        }
        return out;
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
