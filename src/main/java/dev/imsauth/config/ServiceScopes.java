package dev.imsauth.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scope rule for service apps (client credentials): Bentley IMS refuses {@code openid},
 * {@code email}, {@code profile} and {@code organization} for a service app, and {@code offline_access}
 * means nothing without a user. Checked before any call to IMS, so the mistake shows at start with the
 * key to fix instead of as an {@code invalid_scope} from the provider.
 */
public final class ServiceScopes {
    /** Scopes a service app may not ask for. */
    public static final Set<String> USER_ONLY = Set.of("openid", "email", "profile", "organization", "offline_access");

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private ServiceScopes() {
    }

    /** True for a valid scope token (RFC 6749 §3.3: printable ASCII without space, double quote and backslash). */
    public static boolean isScopeToken(String scope) {
        return scope != null && SCOPE_TOKEN.matcher(scope).matches();
    }

    /**
     * Throws an {@link ImsAuthConfigException} naming {@code key} when the list is empty, holds a user-only
     * scope, or a value that is not a valid scope token (RFC 6749 §3.3).
     */
    public static void check(String key, List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new ImsAuthConfigException(key, "must name at least one API scope, e.g. itwin-platform");
        }
        for (String scope : scopes) {
            if (!isScopeToken(scope)) {
                throw new ImsAuthConfigException(key, "'" + scope + "' is not a valid scope");
            }
            if (USER_ONLY.contains(scope.toLowerCase(Locale.ROOT))) {
                throw new ImsAuthConfigException(key, "'" + scope + "' is a user scope; a service app (client "
                        + "credentials) may not ask for openid, email, profile, organization or offline_access. "
                        + "Use API scopes such as itwin-platform");
            }
        }
    }
}
