package dev.imsauth.hardening;

import java.util.regex.Pattern;

/**
 * Where a browser would go for a {@code Location} header, approximated after the WHATWG URL parser:
 * leading and trailing C0 controls and spaces are stripped, tab, CR and LF removed anywhere, and a
 * backslash counts as a slash. Used to judge "never a redirect off-origin".
 */
final class BrowserUrls {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:.*", Pattern.DOTALL);

    private BrowserUrls() {
    }

    /** True when a browser following {@code location} from a page of {@code origin} stays on that origin. */
    static boolean staysOn(String origin, String location) {
        String l = location.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\r\\n]", "")
                .replace('\\', '/');
        if (SCHEME.matcher(l).matches()) {
            return l.startsWith(origin + "/") || l.equals(origin);
        }
        return !l.startsWith("//");
    }
}
