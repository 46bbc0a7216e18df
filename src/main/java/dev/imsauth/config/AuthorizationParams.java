package dev.imsauth.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extra parameters of the authorization request ({@code prompt}, {@code ui_locales}, {@code login_hint},
 * {@code acr_values}, …): the static ones of {@code ims.authorization-params} and those an application adds per
 * request. The parameters ims-auth sets itself can never be replaced: they carry the security of the sign-in
 * (state, nonce, PKCE) or its wiring (client, redirect URI, response type and mode, scopes).
 */
public final class AuthorizationParams {
    /** Parameters owned by the protocol; refused as extra parameters. */
    public static final Set<String> RESERVED = Set.of("response_type", "response_mode", "client_id", "redirect_uri",
            "scope", "state", "nonce", "code_challenge", "code_challenge_method", "request", "request_uri");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account", "create");
    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 1024;

    private AuthorizationParams() {
    }

    /**
     * Parses {@code name=value&name=value} (values URL-encoded, as in a query string) into an ordered map.
     *
     * @throws ImsAuthConfigException naming {@code key} for a reserved, repeated, empty or malformed parameter
     */
    public static Map<String, String> parse(String key, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        for (String pair : text.trim().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value;
            try {
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ImsAuthConfigException(key, "has a value that is not URL-encoded in '" + name + "'");
            }
            String problem = problem(name, value);
            if (problem != null) {
                throw new ImsAuthConfigException(key, problem + "; write name=value pairs joined by &, e.g. "
                        + "prompt=login&ui_locales=de");
            }
            if (out.put(name, value) != null) {
                throw new ImsAuthConfigException(key, "names '" + name + "' twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Why this parameter cannot be added to an authorization request, or null when it can: a reserved name, a
     * name that is not a plain token, or an empty, oversized or control-character value.
     */
    public static String problem(String name, String value) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9_.\\-]+")) {
            return "'" + (name == null ? "" : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name)
                    + "' is not a parameter name";
        }
        if (RESERVED.contains(name)) {
            return "'" + name + "' is set by ims-auth itself and cannot be replaced";
        }
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
            return "'" + name + "' needs a value of 1 to " + MAX_VALUE + " characters without control characters";
        }
        if (name.equals("prompt") && !validPrompt(value)) {
            return "'prompt' takes none, login, consent, select_account or create (none alone), space-separated; got '"
                    + value + "'";
        }
        return null;
    }

    private static boolean validPrompt(String value) {
        Set<String> values = new java.util.HashSet<>(java.util.List.of(value.trim().split("\\s+")));
        return PROMPTS.containsAll(values) && (!values.contains("none") || values.size() == 1);
    }
}
