package dev.imsauth.config;

import static dev.imsauth.config.ConfigKey.*;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing users in through the browser: the redirect URI and the paths the filter or mechanism answers, the
 * scopes a sign-in asks for, what needs sign-in and what is an API call, where the browser lands after
 * signing out, and the back-channel logout store. A service app never has these. Immutable; built and
 * validated by {@link ImsAuthConfigBuilder}.
 *
 * @param redirectUri                absolute callback URI, or a path resolved against the request (e.g. {@code /signin-oidc})
 * @param scopes                     requested scopes, always containing {@code openid}
 * @param offlineAccessPromptConsent add {@code prompt=consent} to sign-ins that ask for {@code offline_access}
 * @param loginTimeout               how long a started sign-in may take before its state expires
 * @param maxPendingLogins           how many sign-ins one session may have under way (tabs); the oldest is evicted
 * @param publicPaths                paths the filter lets through without sign-in ({@code /x} exact, {@code /x/*} prefix)
 * @param apiPaths                   paths whose requests are always API calls (401 JSON, never a redirect to sign-in)
 * @param apiDetection               also treat XHR/fetch requests as API calls, recognised by their headers
 * @param trustForwardedHeaders      build redirect URIs from {@code Forwarded}/{@code X-Forwarded-*} headers
 * @param publicBaseUrl              the app's public origin, used instead of the request's when set
 * @param logoutPath                 the application path that signs the user out (POST)
 * @param postLogoutRedirectUri      where the provider sends the browser after signing out (absolute, or a path)
 * @param signedOutPath              the built-in, always public signed-out page (the default post-logout landing)
 * @param backChannelLogoutPath      the path the provider POSTs OIDC Back-Channel Logout tokens to
 * @param logoutStoreDataSource      JNDI name of a DataSource shared by all nodes for back-channel logouts; empty: in memory
 * @param logoutCheckInterval        how often a node reads back-channel logouts recorded by other nodes (the delay bound)
 * @param authorizationParams        extra parameters of every authorization request ({@code prompt}, {@code ui_locales}, …)
 * @param errorPage                  the application's error page (a path forwarded to), instead of the built-in one
 * @param logoutConfirmPage          the application's sign-out confirmation page (a path forwarded to)
 * @param signedOutPage              the application's signed-out page (a path the signed-out path forwards to)
 */
public record SignInSettings(
        String redirectUri,
        List<String> scopes,
        boolean offlineAccessPromptConsent,
        Duration loginTimeout,
        int maxPendingLogins,
        List<String> publicPaths,
        List<String> apiPaths,
        boolean apiDetection,
        boolean trustForwardedHeaders,
        Optional<URI> publicBaseUrl,
        String logoutPath,
        String postLogoutRedirectUri,
        String signedOutPath,
        String backChannelLogoutPath,
        Optional<String> logoutStoreDataSource,
        Duration logoutCheckInterval,
        Map<String, String> authorizationParams,
        Optional<String> errorPage,
        Optional<String> logoutConfirmPage,
        Optional<String> signedOutPage) {

    /** Copies the lists and the parameters (in their order). */
    public SignInSettings {
        scopes = List.copyOf(scopes);
        publicPaths = List.copyOf(publicPaths);
        apiPaths = List.copyOf(apiPaths);
        authorizationParams = Collections.unmodifiableMap(new LinkedHashMap<>(authorizationParams));
    }

    /** True when the redirect URI is a path to resolve against each request. */
    public boolean redirectUriIsRelative() {
        return redirectUri.startsWith("/");
    }

    /** True when the post-logout redirect is a path of this application (then it is always public). */
    public boolean postLogoutRedirectIsPath() {
        return postLogoutRedirectUri.startsWith("/");
    }

    /** The scopes as one space-separated string. */
    public String scopeString() {
        return String.join(" ", scopes);
    }

    /** Reads and checks the sign-in part; the single-key checks of the table have run already. */
    static SignInSettings read(ConfigValues v, ConfigProblems p) {
        UrlRules urls = new UrlRules(v.bool(ALLOW_INSECURE_LOOPBACK));
        String redirect = p.value(() -> urls.appUrlOrPath(REDIRECT_URI.key(), v.text(REDIRECT_URI)));
        List<String> scopes = v.list(SCOPES);
        if (!scopes.contains("openid")) {
            p.add(SCOPES.key(), "must contain openid (sign-in is OpenID Connect); got '" + String.join(" ", scopes) + "'");
        }
        String logout = v.text(LOGOUT_PATH);
        String signedOut = v.text(SIGNED_OUT_PATH);
        String backChannel = v.text(BACKCHANNEL_LOGOUT_PATH);
        if (signedOut.equals(logout) || signedOut.equals(backChannel) || logout.equals(backChannel)) {
            p.add(SIGNED_OUT_PATH.key(), "must differ from " + LOGOUT_PATH.key() + " and " + BACKCHANNEL_LOGOUT_PATH.key()
                    + "; got " + signedOut + ", " + logout + ", " + backChannel);
        }
        String postLogoutValue = v.text(POST_LOGOUT_REDIRECT_URI);
        String postLogout = postLogoutValue == null || postLogoutValue.isBlank() ? signedOut
                : p.value(() -> urls.appUrlOrPath(POST_LOGOUT_REDIRECT_URI.key(), postLogoutValue));
        Map<String, String> extraParams = Optional.ofNullable(p.value(() -> AuthorizationParams.parse(
                AUTHORIZATION_PARAMS.key(), v.text(AUTHORIZATION_PARAMS)))).orElse(Map.of());
        Optional<String> signedOutPage = page(p, v, SIGNED_OUT_PAGE);
        if (signedOutPage.isPresent() && signedOutPage.get().equals(signedOut)) {
            p.add(SIGNED_OUT_PAGE.key(), "must differ from " + SIGNED_OUT_PATH.key() + " (" + signedOut
                    + "), which forwards to it");
        }
        Optional<URI> publicBase = Optional.ofNullable(v.text(PUBLIC_BASE_URL)).filter(s -> !s.isBlank())
                .map(s -> p.value(() -> urls.origin(PUBLIC_BASE_URL.key(), UrlRules.withoutTrailingSlash(s))));
        return new SignInSettings(redirect, scopes, v.bool(OFFLINE_ACCESS_PROMPT_CONSENT), v.duration(LOGIN_TIMEOUT),
                v.integer(MAX_PENDING_LOGINS), v.list(PUBLIC_PATHS), v.list(API_PATHS), v.bool(API_DETECTION),
                v.bool(TRUST_FORWARDED_HEADERS), publicBase, logout, postLogout, signedOut, backChannel,
                Optional.ofNullable(v.text(LOGOUT_STORE_DATASOURCE)).map(String::trim).filter(s -> !s.isEmpty()),
                v.duration(LOGOUT_CHECK_INTERVAL), extraParams, page(p, v, ERROR_PAGE), page(p, v, LOGOUT_CONFIRM_PAGE),
                signedOutPage);
    }

    /** An optional path of the application (one of the page keys): empty when unset, else checked. */
    private static Optional<String> page(ConfigProblems p, ConfigValues v, ConfigKey key) {
        String value = v.text(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(p.path(key.key(), value.trim()));
    }
}
