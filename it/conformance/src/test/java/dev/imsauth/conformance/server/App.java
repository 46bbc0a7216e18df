package dev.imsauth.conformance.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deployment of the test application on a server: its context path and the Keycloak client it signs in as
 * (the clients of {@code conformance-realm.json}).
 *
 * @param secret     the client secret it is given, {@code null} for a public client
 * @param authMethod {@code ims.client-auth-method}, {@code null} for the default
 * @param scopes     {@code ims.scopes}, {@code null} for the default (which asks for {@code offline_access})
 */
public record App(String context, String clientId, String secret, String authMethod, String scopes) {

    public App(String context, String clientId, String secret, String authMethod) {
        this(context, clientId, secret, authMethod, null);
    }

    /** conformance-confidential's secret in the realm file; reserved characters test the Basic encoding (RFC 6749 §2.3.1). */
    public static final String CONFIDENTIAL_SECRET = "conformance+secret:with/reserved=chars%";
    /** What the wrong-secret deployment is given instead: it must never appear in a page or a message. */
    public static final String WRONG_SECRET_VALUE = "not-the-secret-4f9c2a";

    /** The public client with PKCE S256 required; on Tomcat configured through the environment (setenv.sh). */
    public static final App PORTAL = new App("portal", "conformance-public", null, null);
    public static final App BASIC = new App("basic", "conformance-confidential", CONFIDENTIAL_SECRET, "client_secret_basic");
    public static final App POST = new App("post", "conformance-confidential", CONFIDENTIAL_SECRET, "client_secret_post");
    public static final App WRONG_SECRET = new App("wrong-secret", "conformance-confidential", WRONG_SECRET_VALUE,
            "client_secret_basic");
    /** A public client whose ID tokens carry no name, email or roles: Keycloak gives them from userinfo only. */
    public static final App USERINFO = new App("userinfo", "conformance-userinfo", null, null);

    /** A public client whose refreshed ID tokens repeat the original nonce (Keycloak's "Nonce backwards compatible" mapper). */
    public static final App NONCE = new App("nonce", "conformance-nonce", null, null);

    /**
     * A public client that signs in without {@code offline_access}, so that Keycloak keeps its SSO session: since
     * Keycloak 26.1 a first sign-in asking for {@code offline_access} leaves only an offline session (the online one,
     * which the ID token's {@code sid} names, is removed at the code exchange), and end-session and the admin user
     * logout (which sends the back-channel logout tokens) then find no session of the user. IMS keeps its session
     * either way, so the sign-out scenarios sign in here. Keycloak still issues a (session-bound) refresh token.
     */
    public static final App ONLINE = new App("online", "conformance-online", null, null,
            "openid profile email itwin-platform");

    public static List<App> all() {
        return List.of(PORTAL, BASIC, POST, WRONG_SECRET, USERINFO, NONCE, ONLINE);
    }

    /**
     * {@code ims.refresh-margin} of every deployment. The realm's access tokens live 15 s; the library holds no token
     * for less than 30 s (ProviderBounds' lower bound on {@code expires_in}) and caps the margin at half a token's
     * lifetime, so it renews from 15 s after sign-in on, when Keycloak's own token has just expired. The refresh
     * scenarios wait that long ({@link #refreshDueAt(long)}), not the 30 s of the library's view.
     */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(15);

    /**
     * One second into the refresh window of a token the library holds until {@code expiresAtEpochSecond} (the
     * report page's {@code expires-at}): past Keycloak's own expiry of the token.
     */
    public static Instant refreshDueAt(long expiresAtEpochSecond) {
        return Instant.ofEpochSecond(expiresAtEpochSecond).minus(REFRESH_MARGIN).plusSeconds(1);
    }

    /** The settings every deployment shares: Keycloak as the provider, names and the refresh margin. */
    public static Map<String, String> commonSettings(String issuer) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.issuer", issuer);
        settings.put("ims.allow-insecure-loopback", "true");
        settings.put("ims.principal-claim", "preferred_username");
        settings.put("ims.refresh-margin", REFRESH_MARGIN.toSeconds() + "s");
        return settings;
    }

    /** The settings that tell this deployment's client apart. */
    public Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.client-id", clientId);
        if (secret != null) {
            settings.put("ims.client-secret", secret);
        }
        if (authMethod != null) {
            settings.put("ims.client-auth-method", authMethod);
        }
        if (scopes != null) {
            settings.put("ims.scopes", scopes);
        }
        return settings;
    }
}
