package dev.imsauth.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one table of configuration keys: each key's name, the settings part it belongs to, its value type,
 * its documented default and the check that needs no other key. {@link ImsAuthConfigBuilder},
 * {@link ServiceClientSettingsBuilder}, every {@link ConfigSource} lookup and the documentation test read this
 * table; there is no other list of keys.
 *
 * <p>The same name is a filter init-param, a context parameter, a MicroProfile Config property and a system
 * property; the environment variable is {@link #environmentVariable()} ({@code IMS_CLIENT_ID}).
 * docs/configuration.md has a row for each.
 */
public enum ConfigKey {
    ISSUER("ims.issuer", Part.PROVIDER, Kind.TEXT, "https://ims.bentley.com", Rule.NONE, true,
            "the provider's issuer"),
    CLIENT_ID("ims.client-id", Part.PROVIDER, Kind.TEXT, null, Rule.NONE, true,
            "the client id registered for the app"),
    CLIENT_SECRET("ims.client-secret", Part.PROVIDER, Kind.TEXT, null, Rule.NONE, true,
            "the secret of a confidential client"),
    CLIENT_AUTH_METHOD("ims.client-auth-method", Part.PROVIDER, Kind.TEXT, null, Rule.NONE, true,
            "how the secret is sent to the token endpoint"),
    REDIRECT_URI("ims.redirect-uri", Part.SIGN_IN, Kind.TEXT, "/signin-oidc", Rule.NONE, false,
            "the callback: a path resolved per request, or an absolute URL"),
    SCOPES("ims.scopes", Part.SIGN_IN, Kind.LIST, "openid profile email itwin-platform offline_access", Rule.NONE,
            false, "the scopes a sign-in asks for"),
    OFFLINE_ACCESS_PROMPT_CONSENT("ims.offline-access-prompt-consent", Part.SIGN_IN, Kind.BOOLEAN, "false",
            Rule.NONE, false, "add prompt=consent to sign-ins that ask for offline_access"),
    USERINFO("ims.userinfo", Part.PROVIDER, Kind.TEXT, "auto", Rule.NONE, false,
            "when the provider's userinfo endpoint is called"),
    POST_LOGOUT_REDIRECT_URI("ims.post-logout-redirect-uri", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "where the provider sends the browser after signing out"),
    PUBLIC_PATHS("ims.public-paths", Part.SIGN_IN, Kind.LIST, null, Rule.EACH_PATH, false,
            "paths the filter lets through without sign-in"),
    LOGOUT_PATH("ims.logout-path", Part.SIGN_IN, Kind.TEXT, "/logout", Rule.PATH, false,
            "the application path that signs the user out"),
    SIGNED_OUT_PATH("ims.signed-out-path", Part.SIGN_IN, Kind.TEXT, "/signed-out", Rule.PATH, false,
            "the built-in, always public signed-out page"),
    BACKCHANNEL_LOGOUT_PATH("ims.backchannel-logout-path", Part.SIGN_IN, Kind.TEXT, "/backchannel-logout",
            Rule.PATH, false, "where the provider POSTs back-channel logout tokens"),
    LOGOUT_STORE_DATASOURCE("ims.logout-store-datasource", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "JNDI name of the DataSource that shares back-channel logouts between nodes"),
    LOGOUT_CHECK_INTERVAL("ims.logout-check-interval", Part.SIGN_IN, Kind.DURATION, "10s", Rule.CHECK_INTERVAL,
            false, "how often a node reads back-channel logouts other nodes received"),
    PRINCIPAL_CLAIM("ims.principal-claim", Part.PROVIDER, Kind.TEXT, "sub", Rule.NONE, false,
            "the ID-token claim that names the user"),
    GROUPS_CLAIM("ims.groups-claim", Part.PROVIDER, Kind.TEXT, "roles", Rule.NONE, false,
            "the ID-token claim that holds the user's roles"),
    API_PATHS("ims.api-paths", Part.SIGN_IN, Kind.LIST, null, Rule.EACH_PATH, false,
            "paths whose requests are always API calls (401 JSON, never a redirect)"),
    API_DETECTION("ims.api-detection", Part.SIGN_IN, Kind.BOOLEAN, "true", Rule.NONE, false,
            "also treat XHR/fetch requests as API calls"),
    API_BASE_URL("ims.api-base-url", Part.API, Kind.TEXT, "https://api.bentley.com", Rule.NONE, true,
            "base URL of the iTwin APIs"),
    API_TIMEOUT("ims.api-timeout", Part.API, Kind.DURATION, "30s", Rule.POSITIVE, true,
            "overall deadline for one iTwin API call"),
    API_RETRY_BUDGET("ims.api-retry-budget", Part.API, Kind.DURATION, "10s", Rule.NON_NEGATIVE, true,
            "the longest an iTwin API call waits in total for 429/503 Retry-After"),
    SERVICE_SCOPES("ims.service-scopes", Part.API, Kind.LIST, "itwin-platform", Rule.SERVICE_SCOPES, true,
            "scopes a service app asks for with client credentials"),
    SERVICE_TOKEN_RETRIES("ims.service-token-retries", Part.API, Kind.INTEGER, "2", Rule.RETRIES, true,
            "retries of a client-credentials request after a transient failure"),
    SERVICE_CLIENT_ID("ims.service-client-id", Part.SERVICE_APP, Kind.TEXT, null, Rule.NONE, true,
            "the client id of a separate service app registration"),
    SERVICE_CLIENT_SECRET("ims.service-client-secret", Part.SERVICE_APP, Kind.TEXT, null, Rule.NONE, true,
            "the secret of the service app registration"),
    TOKEN_ENDPOINT("ims.token-endpoint", Part.SERVICE_APP, Kind.TEXT, null, Rule.NONE, true,
            "the token endpoint a service client calls instead of discovering it"),
    PUBLIC_BASE_URL("ims.public-base-url", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "the app's public origin, used instead of the request's"),
    TRUST_FORWARDED_HEADERS("ims.trust-forwarded-headers", Part.SIGN_IN, Kind.BOOLEAN, "false", Rule.NONE, false,
            "build redirect URIs from Forwarded/X-Forwarded-* headers"),
    ALLOW_INSECURE_LOOPBACK("ims.allow-insecure-loopback", Part.PROVIDER, Kind.BOOLEAN, "false", Rule.NONE, true,
            "permit http:// provider and API URLs on loopback hosts"),
    CLOCK_SKEW("ims.clock-skew", Part.PROVIDER, Kind.DURATION, "60s", Rule.NON_NEGATIVE, false,
            "tolerance for exp/iat checks"),
    CONNECT_TIMEOUT("ims.connect-timeout", Part.PROVIDER, Kind.DURATION, "5s", Rule.POSITIVE, true,
            "TCP connect timeout for calls to the provider and the APIs"),
    READ_TIMEOUT("ims.read-timeout", Part.PROVIDER, Kind.DURATION, "10s", Rule.POSITIVE, true,
            "overall deadline for one provider call, body included"),
    LOGIN_TIMEOUT("ims.login-timeout", Part.SIGN_IN, Kind.DURATION, "10m", Rule.POSITIVE, false,
            "how long a started sign-in may take"),
    REFRESH_MARGIN("ims.refresh-margin", Part.PROVIDER, Kind.DURATION, "60s", Rule.NON_NEGATIVE, true,
            "refresh a token this long before it expires"),
    JWKS_REFRESH_INTERVAL("ims.jwks-refresh-interval", Part.PROVIDER, Kind.DURATION, "30s", Rule.NON_NEGATIVE,
            false, "the shortest interval between two JWKS re-fetches for unknown keys"),
    DISCOVERY_RETRY("ims.discovery-retry", Part.PROVIDER, Kind.DURATION, "10s", Rule.POSITIVE, false,
            "how long to wait before retrying a failed discovery"),
    MAX_PENDING_LOGINS("ims.max-pending-logins", Part.SIGN_IN, Kind.INTEGER, "10", Rule.PENDING_LOGINS, false,
            "how many sign-ins one session may have under way"),
    MAX_RESPONSE_SIZE("ims.max-response-size", Part.PROVIDER, Kind.INTEGER, "1048576", Rule.RESPONSE_SIZE, false,
            "the largest provider response read, in bytes"),
    ID_TOKEN_ALGORITHMS("ims.id-token-algorithms", Part.PROVIDER, Kind.LIST, "RS256", Rule.ALGORITHMS, false,
            "accepted ID-token signature algorithms"),
    AUTHORIZATION_PARAMS("ims.authorization-params", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "extra parameters of every authorization request, e.g. prompt=login&ui_locales=de"),
    SIGN_IN_CUSTOMIZER("ims.sign-in-customizer", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "class name of a dev.imsauth.web.SignInCustomizer adding authorization parameters per request"),
    ERROR_PAGE("ims.error-page", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "the application's own error page, a path failures are forwarded to"),
    LOGOUT_CONFIRM_PAGE("ims.logout-confirm-page", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "the application's own sign-out confirmation page, a path forwarded to"),
    SIGNED_OUT_PAGE("ims.signed-out-page", Part.SIGN_IN, Kind.TEXT, null, Rule.NONE, false,
            "the application's own signed-out page, a path the signed-out path forwards to"),
    HEALTH_PROBE_INTERVAL("ims.health-probe-interval", Part.PROVIDER, Kind.DURATION, "10s", Rule.NON_NEGATIVE, false,
            "the shortest interval between two readiness probes of the provider"),
    WARNING_INTERVAL("ims.warning-interval", Part.PROVIDER, Kind.DURATION, "1m", Rule.POSITIVE, false,
            "repeated identical warnings are summed up once per this interval");

    /** The settings part a key configures. */
    public enum Part {
        /** {@link ProviderSettings}: the provider and this app's client registration. */
        PROVIDER,
        /** {@link SignInSettings}: signing users in through the browser. */
        SIGN_IN,
        /** {@link ApiSettings}: iTwin API calls and service tokens. */
        API,
        /** Read by {@link ServiceClientSettings} alone (a separate service app registration). */
        SERVICE_APP
    }

    private final String key;
    private final Part part;
    private final Kind kind;
    private final String defaultValue;
    private final Rule rule;
    private final boolean serviceClients;
    private final String summary;

    ConfigKey(String key, Part part, Kind kind, String defaultValue, Rule rule, boolean serviceClients,
              String summary) {
        this.key = key;
        this.part = part;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.rule = rule;
        this.serviceClients = serviceClients;
        this.summary = summary;
    }

    /** The name, e.g. {@code ims.client-id}: init-param, context parameter, MicroProfile and system property. */
    public String key() {
        return key;
    }

    /** The environment variable: {@code ims.client-id} is {@code IMS_CLIENT_ID} (MicroProfile's mapping). */
    public String environmentVariable() {
        return environmentName(key);
    }

    /** The settings part this key configures. */
    public Part part() {
        return part;
    }

    /** The default as documented (the raw text form), or empty when the key has none or it is derived. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** True when a service app's {@link ServiceClientSettings} reads this key. */
    public boolean readByServiceClients() {
        return serviceClients;
    }

    /** One line saying what the key sets. */
    public String summary() {
        return summary;
    }

    /** The key named {@code name}, e.g. {@code ims.client-id}. */
    public static Optional<ConfigKey> named(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }

    /** The keys that satisfy {@code filter}, in table order. */
    static List<ConfigKey> where(Predicate<ConfigKey> filter) {
        return Arrays.stream(values()).filter(filter).toList();
    }

    /** The environment variable name for a key: non-alphanumerics become {@code _}, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    Kind kind() {
        return kind;
    }

    /** The typed default, or {@code null} when there is none (an unset list is empty). */
    Object parsedDefault() {
        if (defaultValue == null) {
            return kind == Kind.LIST ? List.of() : null;
        }
        return kind.parse(this, defaultValue);
    }

    /** Records the problem of a typed value that fails this key's own check. */
    void check(Object value, ConfigProblems problems) {
        rule.check(this, value, problems);
    }

    /** How a raw value is read; a malformed one throws an {@link ImsAuthConfigException} naming the key. */
    enum Kind {
        TEXT, LIST, BOOLEAN, INTEGER, DURATION;

        Object parse(ConfigKey k, String raw) {
            return switch (this) {
                case TEXT -> raw;
                case LIST -> Arrays.stream(raw.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
                case BOOLEAN -> switch (raw.trim().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default -> throw new ImsAuthConfigException(k.key, "must be true or false; got '" + raw + "'");
                };
                case INTEGER -> {
                    try {
                        yield Integer.parseInt(raw.trim());
                    } catch (NumberFormatException e) {
                        throw new ImsAuthConfigException(k.key, "must be a whole number; got '" + raw + "'");
                    }
                }
                case DURATION -> duration(k.key, raw);
            };
        }

        /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, ISO-8601 ({@code PT30S}) or plain seconds. */
        private static Duration duration(String key, String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            try {
                if (s.startsWith("p")) {
                    return Duration.parse(s.toUpperCase(Locale.ROOT));
                }
                if (s.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
                }
                char unit = s.charAt(s.length() - 1);
                long n = Long.parseLong(Character.isDigit(unit) ? s : s.substring(0, s.length() - 1));
                return switch (unit) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> {
                        if (Character.isDigit(unit)) {
                            yield Duration.ofSeconds(n);
                        }
                        throw new NumberFormatException();
                    }
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new ImsAuthConfigException(key, "must be a duration such as 500ms, 30s, 10m or PT30S; got '"
                        + v + "'");
            }
        }
    }

    /** The check of one key's value alone; checks across keys live in the settings builders. */
    @SuppressWarnings("unchecked")
    private enum Rule {
        NONE, PATH, EACH_PATH, POSITIVE, NON_NEGATIVE, CHECK_INTERVAL, RETRIES, PENDING_LOGINS, RESPONSE_SIZE,
        ALGORITHMS, SERVICE_SCOPES;

        private static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of(
                "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

        void check(ConfigKey k, Object value, ConfigProblems p) {
            switch (this) {
                case NONE -> { }
                case PATH -> p.path(k.key, (String) value);
                case EACH_PATH -> ((List<String>) value).forEach(path -> p.path(k.key, path));
                case POSITIVE -> p.positive(k.key, (Duration) value);
                case NON_NEGATIVE -> p.nonNegative(k.key, (Duration) value);
                case CHECK_INTERVAL -> {
                    Duration d = (Duration) value;
                    if (d != null && d.compareTo(Duration.ofHours(1)) > 0) {
                        p.add(k.key, "must be at most 1h (it is how long a back-channel logout may take to reach "
                                + "another node); got " + d);
                    }
                    p.positive(k.key, d);
                }
                case RETRIES -> p.between(k.key, (Integer) value, 0, 10);
                case PENDING_LOGINS -> p.between(k.key, (Integer) value, 1, 100);
                case RESPONSE_SIZE -> {
                    if ((Integer) value < 4096) {
                        p.add(k.key, "must be at least 4096 bytes; got " + value);
                    }
                }
                case ALGORITHMS -> {
                    List<String> algorithms = (List<String>) value;
                    algorithms.stream().filter(alg -> !ASYMMETRIC_ALGORITHMS.contains(alg)).forEach(alg -> p.add(k.key,
                            "'" + alg + "' is not accepted; use asymmetric algorithms such as RS256 (never none or HS*)"));
                    if (algorithms.isEmpty()) {
                        p.add(k.key, "must name at least one algorithm, e.g. RS256");
                    }
                }
                case SERVICE_SCOPES -> p.run(() -> ServiceScopes.check(k.key, (List<String>) value));
            }
        }
    }
}
