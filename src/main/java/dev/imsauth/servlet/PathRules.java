package dev.imsauth.servlet;

import java.util.List;

/** Matches application paths against {@code ims.public-paths}: {@code /x} exactly, {@code /x/*} as a prefix. */
final class PathRules {
    private final List<String> patterns;

    PathRules(List<String> patterns) {
        this.patterns = patterns;
    }

    /** True when the path (below the context) is public. */
    boolean matches(String path) {
        for (String p : patterns) {
            if (p.endsWith("/*")) {
                String prefix = p.substring(0, p.length() - 2);
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            } else if (path.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
