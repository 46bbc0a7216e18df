package dev.imsauth.protocol;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.SignInSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID Connect relying party for one application: start a sign-in, complete it from the callback,
 * refresh, build the logout redirect, revoke. Container-free; the servlet filter and the Jakarta
 * Security mechanism are thin adapters over it. Thread-safe; create one per application.
 *
 * <p>It reads the {@link ProviderSettings} and, for signing users in, the {@link SignInSettings} (scopes, the
 * offline-access prompt, the sign-in timeout). A service app's client ({@link #forService}) has no sign-in
 * settings and only requests client-credentials tokens.
 */
public final class OidcClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OidcClient.class.getName());
    private final ProviderSettings provider;
    private final SignInSettings signIn;
    private final Clock clock;
    private final ProviderHttp http;
    private final ProviderDiscovery discovery;
    private final AuthorizationRequests authorizationRequests;
    private final TokenEndpointClient tokenEndpoint;
    private final URI fixedTokenEndpoint;
    private final UserClaimsResolver claimsResolver;
    private final OwnedHttpClient owned;
    private final ProviderStatus status = new ProviderStatus();
    private final WarningThrottle warnings;
    private volatile IdTokenVerifier verifier;
    private volatile LogoutTokenVerifier logoutVerifier;

    /**
     * The relying party of a signing-in application over the application's {@link HttpClient}, which
     * {@link #close()} leaves alone.
     */
    public OidcClient(ProviderSettings provider, SignInSettings signIn, HttpClient httpClient, Clock clock) {
        this(provider, signIn, httpClient, clock, null, null);
    }

    private OidcClient(ProviderSettings provider, SignInSettings signIn, HttpClient httpClient, Clock clock,
                       OwnedHttpClient owned, URI fixedTokenEndpoint) {
        this.owned = owned;
        this.fixedTokenEndpoint = fixedTokenEndpoint;
        this.provider = provider;
        this.signIn = signIn;
        this.clock = clock;
        this.warnings = new WarningThrottle(clock, provider.warningInterval());
        this.http = new ProviderHttp(httpClient, provider.readTimeout(), provider.maxResponseBytes());
        this.discovery = new ProviderDiscovery(provider, http, clock, status, warnings);
        this.authorizationRequests = signIn == null ? null : new AuthorizationRequests(provider.clientId(), signIn, clock);
        this.tokenEndpoint = new TokenEndpointClient(provider, http, clock);
        this.claimsResolver = new UserClaimsResolver(provider, http);
    }

    /**
     * A signing-in application's client with its own HTTP client (configured timeouts, no redirects) and the
     * system clock; {@link #close()} releases that HTTP client's threads (call it when the application stops).
     */
    public static OidcClient create(ProviderSettings provider, SignInSettings signIn) {
        OwnedHttpClient http = OwnedHttpClient.create(provider.connectTimeout());
        return new OidcClient(provider, signIn, http.client(), Clock.systemUTC(), http, null);
    }

    /**
     * A service app's client, which signs no user in: only {@link #clientCredentials} (and discovery) work. With
     * {@code tokenEndpoint} ({@code ims.token-endpoint}) it calls that endpoint as given instead of discovering it.
     * Its own HTTP client and the system clock; {@link #close()} releases that HTTP client's threads.
     */
    public static OidcClient createForService(ProviderSettings provider, Optional<URI> tokenEndpoint) {
        OwnedHttpClient http = OwnedHttpClient.create(provider.connectTimeout());
        return new OidcClient(provider, null, http.client(), Clock.systemUTC(), http, tokenEndpoint.orElse(null));
    }

    /** Like {@link #createForService(ProviderSettings, Optional)} over the HTTP client and clock given. */
    public static OidcClient forService(ProviderSettings provider, Optional<URI> tokenEndpoint, HttpClient httpClient,
                                        Clock clock) {
        return new OidcClient(provider, null, httpClient, clock, null, tokenEndpoint.orElse(null));
    }

    /** Releases the threads of the HTTP client {@link #create} made; does nothing for one handed in. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    /** The provider and client settings. */
    public ProviderSettings provider() {
        return provider;
    }

    /**
     * The sign-in settings of a signing-in application's client.
     *
     * @throws IllegalStateException for a service app's client, which signs no user in
     */
    public SignInSettings signIn() {
        if (signIn == null) {
            throw new IllegalStateException("This OidcClient is a service app's (client credentials): it signs no user in");
        }
        return signIn;
    }

    public Clock clock() {
        return clock;
    }

    /** The provider's metadata (discovered once, cached). */
    public ProviderMetadata metadata() {
        return discovery.metadata();
    }

    /** The throttle for repeated identical warnings of everything built on this client ({@code ims.warning-interval}). */
    public WarningThrottle warnings() {
        return warnings;
    }

    /** What this client last saw of the provider (discovery, keys, refreshes), for health checks. */
    public ProviderStatus.Snapshot status() {
        return status.snapshot();
    }

    /**
     * Checks now that the provider answers (at most once per {@code ims.health-probe-interval}) and returns the
     * status afterwards; never throws for a provider failure.
     */
    public ProviderStatus.Snapshot probe() {
        discovery.probe();
        return status.snapshot();
    }

    /** Starts a sign-in: fresh state, nonce and PKCE verifier; the caller stores the pending login. */
    public LoginRedirect startLogin(URI redirectUri, String returnUrl, List<String> extraScopes) {
        return startLogin(redirectUri, returnUrl, extraScopes, Map.of());
    }

    /**
     * Like {@link #startLogin(URI, String, List)}, adding {@code extraParameters} (e.g. {@code login_hint}) after
     * the configured {@code ims.authorization-params}; a protocol parameter among them is refused with an
     * {@link IllegalArgumentException} naming it.
     */
    public LoginRedirect startLogin(URI redirectUri, String returnUrl, List<String> extraScopes,
                                    Map<String, String> extraParameters) {
        signIn();
        return authorizationRequests.create(metadata(), redirectUri, returnUrl, extraScopes, extraParameters);
    }

    /**
     * Completes a sign-in whose pending login the caller has already taken (single use) by the callback's
     * state. Checks expiry, the provider's error, the RFC 9207 issuer, redeems the code with the PKCE
     * verifier and verifies the ID token with the nonce.
     */
    public SignedInUser completeLogin(PendingLogin pending, CallbackParameters callback) {
        if (pending.expiredAt(clock.instant(), signIn().loginTimeout())) {
            throw new StateMismatchException("The sign-in took too long and has expired; please sign in again");
        }
        if (callback.error().isPresent()) {
            throw new AuthorizationDeniedException(callback.error().get(), callback.errorDescription().orElse(null));
        }
        ProviderMetadata meta = metadata();
        checkIssuer(meta, callback);
        String code = callback.code().orElseThrow(
                () -> new InvalidCallbackException("The sign-in response has neither a code nor an error"));
        TokenEndpointClient.TokenResult result = tokenEndpoint.redeem(meta, code, pending.verifier(), pending.redirectUri());
        if (result.idToken() == null) {
            throw new IdTokenInvalidException("The token response has no ID token", null);
        }
        IDTokenClaimsSet claims = verifier(meta).verify(result, pending.nonce(), false);
        UserClaims user;
        try {
            user = claimsResolver.atSignIn(meta, claims.toJSONObject(), result.accessToken());
        } catch (ImsAuthException e) {
            revokeQuietly(meta, result.refreshToken());
            throw e;
        }
        Instant now = clock.instant();
        TokenSet tokens = TokenSet.obtained(result.accessToken(), result.refreshToken(), result.idToken(), now,
                result.lifetime(), result.scopes().isEmpty() ? pending.scopes() : result.scopes());
        LOG.log(System.Logger.Level.DEBUG, "Sign-in completed for subject {0}", claims.getSubject().getValue());
        return new SignedInUser(user, tokens);
    }

    /**
     * Refreshes the user's tokens with the refresh token. A new ID token, when sent, must name the same
     * subject, issuer and audience, and carry no nonce or the sign-in's (OIDC Core 12.2); a rotated refresh
     * token replaces the old one, otherwise the old one stays. When what came back is refused, the refresh
     * token that would be dropped (the rotated one, else the old one) is revoked before the failure is thrown;
     * a provider fault after a rotation revokes the rotated one, as the old tokens stay in use.
     */
    public SignedInUser refresh(SignedInUser user) {
        String refreshToken = user.tokens().refreshToken().orElseThrow(() -> new TokenRejectedException(
                "no_refresh_token", "The session has no refresh token (was offline_access requested?)"));
        ProviderMetadata meta = metadata();
        TokenEndpointClient.TokenResult result;
        try {
            result = tokenEndpoint.refresh(meta, refreshToken);
            status.refreshSucceeded(clock.instant());
        } catch (ProviderException e) {
            status.refreshFailed(clock.instant(), e.reason());
            throw e;
        }
        try {
            Map<String, Object> fresh = null;
            if (result.idToken() != null) {
                IDTokenClaimsSet verified = verifier(meta).verify(result, user.claims().string("nonce").orElse(null),
                        true);
                IdTokenVerifier.checkSameIdentity(user.claims(), verified);
                fresh = verified.toJSONObject();
            }
            UserClaims claims = claimsResolver.afterRefresh(meta, user, fresh, result.accessToken());
            TokenSet tokens = user.tokens().refreshedWith(result.accessToken(), result.refreshToken(), result.idToken(),
                    clock.instant(), result.lifetime(), result.scopes());
            return new SignedInUser(claims, tokens);
        } catch (ImsAuthException e) {
            boolean signedOut = e.failure() == Failure.AUTHENTICATION_FAILED;
            revokeQuietly(meta, result.refreshToken() != null ? result.refreshToken() : signedOut ? refreshToken : null);
            throw e;
        }
    }

    /** Requests a client-credentials token for a service app (no user, no ID token). */
    public TokenSet clientCredentials(List<String> scopes) {
        URI endpoint = fixedTokenEndpoint != null ? fixedTokenEndpoint : metadata().tokenEndpoint();
        TokenEndpointClient.TokenResult result = tokenEndpoint.clientCredentials(endpoint, scopes);
        return TokenSet.obtained(result.accessToken(), null, null, clock.instant(), result.lifetime(),
                result.scopes().isEmpty() ? scopes : result.scopes());
    }

    /** Revokes the user's refresh token when the provider has a revocation endpoint; failures are logged only. */
    public void revoke(SignedInUser user) {
        Optional<String> refreshToken = user.tokens().refreshToken();
        if (refreshToken.isPresent()) {
            revokeQuietly(metadata(), refreshToken.get());
        }
    }

    private void revokeQuietly(ProviderMetadata meta, String refreshToken) {
        Optional<URI> endpoint = meta.revocationEndpoint();
        if (refreshToken == null || endpoint.isEmpty()) {
            return;
        }
        try {
            tokenEndpoint.revoke(endpoint.get(), refreshToken);
        } catch (ImsAuthException e) {
            LOG.log(System.Logger.Level.WARNING, "Revoking the refresh token failed: {0}", e.getMessage());
        }
    }

    /**
     * The provider's end-session URL (RP-Initiated Logout) with id_token_hint, client_id,
     * post_logout_redirect_uri and state; empty when the provider has no end-session endpoint.
     */
    public Optional<URI> endSessionUri(SignedInUser user, URI postLogoutRedirectUri, String state) {
        Optional<URI> endpoint = metadata().endSessionEndpoint();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        JWT hint = user.tokens().idToken().map(OidcClient::parseOrNull).orElse(null);
        return Optional.of(new LogoutRequest(endpoint.get(), hint, null, new ClientID(provider.clientId()),
                postLogoutRedirectUri, new State(state), null).toURI());
    }

    /**
     * Verifies an OIDC Back-Channel Logout token (§2.6, see {@link LogoutTokenVerifier}) and records its jti, so
     * the same token is refused the second time. Throws {@link LogoutTokenInvalidException} (400 kind) for any
     * failed check, and a 503-kind exception when the provider cannot be discovered.
     */
    public LogoutNotice verifyLogoutToken(String logoutToken) {
        ProviderMetadata meta = metadata();
        LogoutTokenVerifier v = logoutVerifier;
        if (v == null) {
            synchronized (this) {
                if (logoutVerifier == null) {
                    logoutVerifier = new LogoutTokenVerifier(provider, meta, http, clock, status);
                }
                v = logoutVerifier;
            }
        }
        return v.verify(logoutToken);
    }

    private void checkIssuer(ProviderMetadata meta, CallbackParameters callback) {
        Optional<String> iss = callback.issuer();
        if (iss.isPresent() && !iss.get().equals(meta.issuer())) {
            throw new IssuerMismatchException("The sign-in response came from another issuer (RFC 9207)");
        }
        if (iss.isEmpty() && meta.issParameterSupported()) {
            throw new IssuerMismatchException("The sign-in response lacks the iss parameter the provider promised (RFC 9207)");
        }
    }

    private IdTokenVerifier verifier(ProviderMetadata meta) {
        IdTokenVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                if (verifier == null) {
                    verifier = new IdTokenVerifier(provider, meta, http, clock, status);
                }
                v = verifier;
            }
        }
        return v;
    }

    private static JWT parseOrNull(String token) {
        try {
            return JWTParser.parse(token);
        } catch (ParseException e) {
            return null;
        }
    }
}
