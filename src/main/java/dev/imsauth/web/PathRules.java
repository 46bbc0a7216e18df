package dev.imsauth.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches application paths against path patterns ({@code ims.public-paths}, {@code ims.api-paths}):
 * {@code /x} exactly, {@code /x/*} as {@code /x} and everything below it. Asked on every request, so the
 * patterns are taken apart once and matching allocates nothing.
 */
public final class PathRules {
    private final Set<String> exact = new HashSet<>();
    /** For each {@code /x/*}: {@code /x/}; {@code /x} itself is in {@link #exact}. */
    private final List<String> prefixes = new ArrayList<>();

    public PathRules(List<String> patterns) {
        for (String p : patterns) {
            if (p.endsWith("/*")) {
                String base = p.substring(0, p.length() - 2);
                exact.add(base);
                prefixes.add(base + "/");
            } else {
                exact.add(p);
            }
        }
    }

    /** True when the path (below the context) matches one of the patterns. */
    public boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (int i = 0; i < prefixes.size(); i++) {
            if (path.startsWith(prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
