package dev.imsauth.testsupport;

import dev.imsauth.testsupport.ProviderSettings.Switch;
import com.nimbusds.jose.jwk.JWKSet;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A strict OpenID provider on 127.0.0.1 speaking Bentley IMS's paths, for integration tests and as a
 * local development identity provider. It checks client_id, exact redirect_uri, one-time codes and the
 * PKCE S256 verifier, signs RS256 ID tokens, records every request, and can be told to misbehave
 * through {@link #faults()}. Thread-safe.
 *
 * <pre>{@code
 * try (TestOpenIdProvider op = TestOpenIdProvider.start()) {
 *     op.registerClient("app", "secret", "http://127.0.0.1:8080/signin-oidc");
 *     ... point the library at op.issuer() ...
 *     assertThat(op.tokenCalls()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Authorization codes live 60 s, access tokens and ID tokens {@link #setAccessTokenLifetime}
 * (default 1 h), all measured with {@link #setClock}. A code is spent by the first token request
 * that names it, even one that fails. Refresh tokens are issued only when the scope holds
 * {@code offline_access}; by default they are one-time: each refresh rotates the refresh token and a
 * spent one is refused with {@code invalid_grant} ({@code faults().rotateRefreshTokens(false)} keeps them,
 * {@code faults().revokeFamilyOnReuse(true)} also revokes the whole sign-in when a spent one comes back).
 */
public final class TestOpenIdProvider implements AutoCloseable {

    private final Server server;
    private final String issuer;
    private final ProviderSettings settings = new ProviderSettings();
    private final ProviderFaults faults = new ProviderFaults();
    private final ClientRegistry clients = new ClientRegistry();
    private final SigningKeys keys = new SigningKeys();
    private final RequestJournal journal = new RequestJournal();
    private final GrantStore grants = new GrantStore();
    private final ProviderSessions sessions = new ProviderSessions();

    private TestOpenIdProvider(int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(400, 4);
        threads.setName("test-op");
        threads.setDaemon(true);
        server = new Server(threads, new ScheduledExecutorScheduler("test-op-scheduler", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(Duration.ofMinutes(5).toMillis());
        server.addConnector(connector);
        connector.open();
        issuer = "http://127.0.0.1:" + connector.getLocalPort();
        SecretLedger.providerOrigin(issuer);
        ProviderContext context = new ProviderContext(issuer, settings, faults, clients, keys, grants,
                new IdTokenMinter(issuer, keys, faults, settings, sessions));
        Map<String, Endpoint> endpoints = Map.of(
                ProviderPaths.DISCOVERY, new DiscoveryEndpoint(context),
                ProviderPaths.JWKS, DiscoveryEndpoint.jwks(context),
                ProviderPaths.AUTHORIZE, new AuthorizeEndpoint(context),
                ProviderPaths.TOKEN, new TokenEndpoint(context),
                ProviderPaths.USERINFO, new UserInfoEndpoint(context),
                ProviderPaths.END_SESSION, new EndSessionEndpoint(context),
                ProviderPaths.REVOCATION, new RevocationEndpoint(context));
        server.setHandler(new ProviderHandler(endpoints, journal, faults, new ReplyWriter(server.getScheduler())));
        server.start();
    }

    /** Starts a provider on 127.0.0.1 and a free port. */
    public static TestOpenIdProvider start() {
        return start(0);
    }

    /** Starts a provider on 127.0.0.1 and {@code port} (0: a free port). */
    public static TestOpenIdProvider start(int port) {
        try {
            return new TestOpenIdProvider(port);
        } catch (Exception e) {
            throw new IllegalStateException(port != 0 && !LoopbackPorts.isFree(port)
                    ? LoopbackPorts.inUse(port, "the test OpenID provider", "Choose another port (0: any free one).")
                    : "cannot start the test OpenID provider on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash; also the base of every endpoint. */
    public String issuer() {
        return issuer;
    }

    /** The issuer plus a path, e.g. {@code endpoint(ProviderPaths.TOKEN)}. */
    public String endpoint(String path) {
        return issuer + path;
    }

    /** Registers (or replaces) a client; {@code secretOrNull == null} makes it a public client. */
    public TestOpenIdProvider registerClient(String clientId, String secretOrNull, String... redirectUris) {
        clients.register(clientId, secretOrNull, List.of(redirectUris));
        return this;
    }

    /** Allows {@code uri} as post_logout_redirect_uri for a registered client (its redirect URIs always are). */
    public TestOpenIdProvider registerPostLogoutRedirectUri(String clientId, String uri) {
        clients.addPostLogoutRedirectUri(clientId, uri);
        return this;
    }

    /** The user signed in when the authorization request has no login_hint. Default {@link TestUser#alice()}. */
    public TestOpenIdProvider setDefaultUser(TestUser user) {
        settings.defaultUser(user);
        return this;
    }

    /** A user selectable by {@code login_hint} (subject or email). Unknown hints make a user from the hint. */
    public TestOpenIdProvider addUser(TestUser user) {
        settings.addUser(user);
        return this;
    }

    /** The clock for iat, exp, auth_time and for code and token expiry. */
    public TestOpenIdProvider setClock(Clock clock) {
        settings.clock(clock);
        return this;
    }

    /** expires_in of access tokens and the lifetime of ID tokens; default 3600 s. */
    public TestOpenIdProvider setAccessTokenLifetime(Duration lifetime) {
        settings.accessTokenLifetime(lifetime);
        return this;
    }

    /** {@code true}: the authorize endpoint shows a login form instead of signing the user in at once. */
    public TestOpenIdProvider setInteractiveLogin(boolean interactive) {
        settings.set(Switch.INTERACTIVE_LOGIN, interactive);
        return this;
    }

    /** {@code true}: advertise authorization_response_iss_parameter_supported and send iss (RFC 9207). */
    public TestOpenIdProvider setIssParameterSupported(boolean supported) {
        settings.set(Switch.ISS_PARAMETER_SUPPORTED, supported);
        return this;
    }

    /**
     * {@code true}: like providers that apply OIDC Core §11 strictly, grant {@code offline_access} (and so
     * issue a refresh token) only when the authorization request carried {@code prompt=consent}.
     */
    public TestOpenIdProvider setOfflineAccessNeedsConsent(boolean needed) {
        settings.set(Switch.OFFLINE_ACCESS_NEEDS_CONSENT, needed);
        return this;
    }

    /**
     * {@code true}: ID tokens carry only the protocol claims (sub, iss, aud, …), and name, email, roles and
     * the other user claims come only from the userinfo endpoint (OIDC Core §5.4).
     */
    public TestOpenIdProvider setClaimsOnlyFromUserInfo(boolean only) {
        settings.set(Switch.CLAIMS_ONLY_FROM_USERINFO, only);
        return this;
    }

    /** {@code true}: an ID token issued on refresh repeats the nonce of the sign-in (OIDC Core §12.2 allows it). */
    public TestOpenIdProvider setNonceInRefreshedIdToken(boolean repeat) {
        settings.set(Switch.NONCE_IN_REFRESHED_ID_TOKEN, repeat);
        return this;
    }

    /** The fault switches; {@code faults().reset()} makes the provider behave again. */
    public ProviderFaults faults() {
        return faults;
    }

    /** Every request received, in arrival order (a copy). */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** The requests to one path, e.g. {@link ProviderPaths#TOKEN}, in arrival order. */
    public List<RecordedRequest> requests(String path) {
        return journal.byPath(path);
    }

    /** Forgets the recorded requests (and so resets the counters). */
    public void clearRequests() {
        journal.clear();
    }

    public int discoveryCalls() {
        return journal.count(ProviderPaths.DISCOVERY);
    }

    public int jwksCalls() {
        return journal.count(ProviderPaths.JWKS);
    }

    public int authorizeCalls() {
        return journal.count(ProviderPaths.AUTHORIZE);
    }

    public int tokenCalls() {
        return journal.count(ProviderPaths.TOKEN);
    }

    /** Token-endpoint requests with this grant_type, e.g. {@code refresh_token}, {@code client_credentials}. */
    public int tokenCalls(String grantType) {
        return (int) journal.byPath(ProviderPaths.TOKEN).stream().filter(r -> grantType.equals(r.first("grant_type"))).count();
    }

    /** True while this refresh token is known and neither revoked nor rotated away. */
    public boolean isRefreshTokenActive(String refreshToken) {
        return refreshToken != null && grants.refreshGrant(refreshToken) != null;
    }

    /**
     * What an access token this provider issued stands for, when it is known, unrevoked and unexpired by the
     * provider's clock; for resource servers in tests (e.g. {@link FakeITwinApi}).
     */
    public java.util.Optional<IssuedAccessToken> introspect(String accessToken) {
        GrantStore.AccessGrant grant = accessToken == null ? null : grants.accessGrant(accessToken);
        if (grant == null || !settings.now().isBefore(grant.expiresAt())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new IssuedAccessToken(grant.clientId(), grant.user(), grant.scope(), grant.expiresAt()));
    }

    public int userInfoCalls() {
        return journal.count(ProviderPaths.USERINFO);
    }

    public int endSessionCalls() {
        return journal.count(ProviderPaths.END_SESSION);
    }

    /** Requests to the revocation endpoint. */
    public int revocations() {
        return journal.count(ProviderPaths.REVOCATION);
    }


    /** A new key signs from now on; the old keys stay in the JWKS unless {@code faults().publishRetiredKeys(false)}. */
    public String rotateSigningKey() {
        return keys.rotate();
    }

    /** The kid of the key that signs ID tokens now. */
    public String signingKeyId() {
        return keys.current().getKeyID();
    }

    /** The public keys the JWKS endpoint serves right now. */
    public JWKSet publicKeys() {
        return keys.publicJwks(faults.publishRetiredKeys());
    }

    /** The sid of the user's live provider session (the {@code sid} of their ID tokens), if they have one. */
    public java.util.Optional<String> sessionId(String subject) {
        return sessions.current(subject);
    }

    /** The sid of the user's last session ended through end-session with an id_token_hint, if any. */
    public java.util.Optional<String> endedSessionId(String subject) {
        return sessions.lastEnded(subject);
    }

    /**
     * Logout tokens (OIDC Back-Channel Logout) signed like this provider signs, valid for {@code clientId}
     * unless told otherwise; for tests that play the provider's back-channel call.
     */
    public LogoutTokens logoutTokens(String clientId) {
        return new LogoutTokens(issuer, clientId, keys, settings);
    }

    /** Stops the server; pending (delayed) responses are dropped. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test OpenID provider", e);
        }
    }
}
