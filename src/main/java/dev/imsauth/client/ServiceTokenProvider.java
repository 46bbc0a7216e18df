package dev.imsauth.client;

import dev.imsauth.config.ApiSettings;
import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ImsAuthConfigException;
import dev.imsauth.config.ServiceClientSettings;
import dev.imsauth.config.ServiceScopes;
import dev.imsauth.protocol.AccessTokenSource;
import dev.imsauth.protocol.Failure;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.ProviderException;
import dev.imsauth.protocol.TokenRejectedException;
import dev.imsauth.protocol.TokenSet;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The access token of a service app (no user): OAuth client credentials ({@code grant_type=client_credentials}
 * with {@code ims.client-id}, {@code ims.client-secret} and {@code ims.service-scopes}, default
 * {@code itwin-platform}) at the provider's token endpoint. Container-free and thread-safe; create one per
 * application and share it.
 *
 * <p><b>Who the service is.</b> In the iTwin Platform the service acts as the user
 * {@code {client_id}@apps.imsoidc.bentley.com} (see {@link #serviceUser()}); add that address as a member
 * of every iTwin the service must reach, or the APIs answer 403/404. Bentley IMS does not allow a service
 * app to ask for {@code openid}, {@code email}, {@code profile} or {@code organization}: such scopes are
 * refused here, before any call to IMS.
 *
 * <p><b>Caching.</b> The token is kept until {@code ims.refresh-margin} (at most half its lifetime) before it
 * expires; a cached {@link #getToken()} is a volatile read and a clock comparison. When it needs renewing,
 * exactly one caller asks IMS while concurrent callers wait for that answer. Transient failures (5xx,
 * timeouts, connection errors) are retried {@code ims.service-token-retries} times with bounded, jittered
 * exponential backoff; a refusal ({@code invalid_client}, {@code invalid_scope}, …) is not retried and
 * raises a {@link ServiceTokenException} that names the cause and never the secret. If renewing fails while
 * the current token is still valid, that token stays in use. After any failed renewal the next attempt waits
 * {@link ProviderBounds#FAILURE_COOL_DOWN}, or as long as IMS's {@code Retry-After} asks (bounded by
 * {@link ProviderBounds#MAX_RETRY_AFTER}); until then callers get the current token or, without one, the
 * same failure at once, so a failing IMS sees at most one attempt per interval from this provider.
 */
public final class ServiceTokenProvider implements AccessTokenSource, AutoCloseable {
    /** The domain of the user a service app acts as in the iTwin Platform. */
    public static final String SERVICE_USER_DOMAIN = "apps.imsoidc.bentley.com";
    private static final System.Logger LOG = System.getLogger(ServiceTokenProvider.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);
    private final OidcClient client;
    private final Clock clock;
    private final List<String> scopes;
    private final int retries;
    private final Duration margin;
    private final Sleeper sleeper;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Cached cached;
    /** After a failed renewal: no new attempt before this instant (guarded by {@link #renewing}). */
    private Instant coolDownUntil = Instant.MIN;
    private ServiceTokenException lastFailure;
    private boolean ownsClient;

    /**
     * A service app's provider from its settings — issuer or token endpoint, client id, secret, scopes,
     * timeouts; no redirect URI, no {@code openid} — with its own HTTP client and the system clock;
     * {@link #close()} releases that client's threads. A signing-in application whose registration is also a
     * service app passes {@code ImsAuthConfig.serviceClient()}.
     */
    public ServiceTokenProvider(ServiceClientSettings settings) {
        this(OidcClient.createForService(settings.provider(), settings.tokenEndpoint()), settings.api(), Sleeper.SYSTEM);
        this.ownsClient = true;
    }

    /** The same with the HTTP client, clock and retry pause given (tests, or a shared HTTP client). */
    public ServiceTokenProvider(ServiceClientSettings settings, HttpClient http, Clock clock, Sleeper sleeper) {
        this(OidcClient.forService(settings.provider(), settings.tokenEndpoint(), http, clock), settings.api(), sleeper);
    }

    /** Shares the client's provider discovery, HTTP client and clock; scopes and retries from {@code api}. */
    public ServiceTokenProvider(OidcClient client, ApiSettings api) {
        this(client, api, Sleeper.SYSTEM);
    }

    /**
     * @param api     the scopes to ask for ({@link ApiSettings#serviceScopes()}: never openid, email, profile,
     *                organization, offline_access) and the retries after a transient failure
     * @param sleeper waits between retries
     * @throws ImsAuthConfigException for user scopes or a client without a secret, before any call to IMS
     */
    public ServiceTokenProvider(OidcClient client, ApiSettings api, Sleeper sleeper) {
        ServiceScopes.check(ConfigKey.SERVICE_SCOPES.key(), api.serviceScopes());
        if (!client.provider().confidential()) {
            throw new ImsAuthConfigException(ConfigKey.CLIENT_SECRET.key(), "is required for client credentials; "
                    + "register the app as a Service app at developer.bentley.com and set its secret");
        }
        this.client = client;
        this.clock = client.clock();
        this.scopes = api.serviceScopes();
        this.retries = api.serviceTokenRetries();
        this.margin = client.provider().refreshMargin();
        this.sleeper = sleeper;
    }

    /** The current token, fetched or renewed first when needed. */
    public TokenSet getToken() {
        Cached c = cached;
        return c != null && clock.millis() < c.renewAt ? c.tokens : renew(null).tokens;
    }

    @Override
    public String accessToken() {
        Cached c = cached;
        return c != null && clock.millis() < c.renewAt ? c.accessToken : renew(null).accessToken;
    }

    /** {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public String authorizationHeader() {
        Cached c = cached;
        return c != null && clock.millis() < c.renewAt ? c.header : renew(null).header;
    }

    /** A new token when {@code rejected} is still the cached one (an API refused it), else the cached one. */
    @Override
    public String refreshedAccessToken(String rejected) {
        Cached c = cached;
        return renew(c != null && c.accessToken.equals(rejected) ? c : null).accessToken;
    }

    /** Releases the HTTP client's threads when this provider made the client (see the constructors); else nothing. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** The iTwin Platform user this service acts as: {@code {client_id}@apps.imsoidc.bentley.com}. */
    public String serviceUser() {
        return client.provider().clientId() + "@" + SERVICE_USER_DOMAIN;
    }

    /** The scopes asked for. */
    public List<String> scopes() {
        return scopes;
    }

    /** Renews unless another caller did while we waited; {@code rejected} is a generation that must be replaced. */
    private Cached renew(Cached rejected) {
        renewing.lock();
        try {
            Cached c = cached;
            if (c != null && c != rejected && clock.millis() < c.renewAt) {
                return c;
            }
            boolean usable = c != null && c != rejected && clock.instant().isBefore(c.tokens.expiresAt());
            if (clock.instant().isBefore(coolDownUntil)) {
                if (usable) {
                    return c;
                }
                throw new ServiceTokenException(lastFailure.failure(), lastFailure.reason(), lastFailure.getMessage()
                        + " (no new attempt before " + coolDownUntil + ")", lastFailure);
            }
            try {
                Cached fresh = fetch();
                cached = fresh;
                return fresh;
            } catch (ServiceTokenException e) {
                lastFailure = e;
                coolDownUntil = ProviderBounds.plus(clock.instant(), ProviderBounds.coolDown(
                        e.getCause() instanceof ProviderException p ? p.retryAfter() : java.util.Optional.empty()));
                if (!usable) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "Renewing the service token failed ({0}); the current one is "
                        + "valid until {1} and stays in use; next attempt after {2}", e.getMessage(),
                        c.tokens.expiresAt(), coolDownUntil);
                cached = new Cached(c.tokens, Math.min(coolDownUntil.toEpochMilli(), c.tokens.expiresAt().toEpochMilli()));
                return cached;
            }
        } finally {
            renewing.unlock();
        }
    }

    private Cached fetch() {
        ProviderException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                pause(backoff(attempt), last);
            }
            try {
                TokenSet tokens = client.clientCredentials(scopes);
                LOG.log(System.Logger.Level.DEBUG, "Obtained a service token for client {0}; it expires at {1}",
                        client.provider().clientId(), tokens.expiresAt());
                return new Cached(tokens, renewAt(tokens.expiresAt()));
            } catch (TokenRejectedException e) {
                throw refused(e);
            } catch (ProviderException e) {
                last = e;
                LOG.log(System.Logger.Level.DEBUG, "Service token attempt {0} of {1} failed: {2}",
                        attempt + 1, retries + 1, e.getMessage());
                if (e.retryAfter().isPresent()) {
                    break; // the provider said when to come back: the cool-down waits for it, not the backoff
                }
            }
        }
        throw new ServiceTokenException(Failure.PROVIDER_UNAVAILABLE, "provider_unavailable", "IMS did not issue a "
                + "service token after " + (retries + 1) + " attempts: " + last.getMessage(), last);
    }

    private long renewAt(Instant expiresAt) {
        Duration lifetime = Duration.between(clock.instant(), expiresAt); // bounded: ProviderBounds.MAX_LIFETIME
        Duration early = margin.compareTo(lifetime.dividedBy(2)) < 0 ? margin : lifetime.dividedBy(2);
        return expiresAt.minus(early).toEpochMilli();
    }

    /** 250 ms, 500 ms, 1 s, … up to 4 s, each with jitter down to half. */
    private static Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private void pause(Duration d, ProviderException last) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException(Failure.PROVIDER_UNAVAILABLE, "provider_unavailable",
                    "Interrupted while waiting to retry the service token request", last);
        }
    }

    /**
     * The refusal in the provider's words (its error code and description); a hint is added only where the
     * error code leaves no doubt what to check. Providers differ (a wrong secret is {@code invalid_client}
     * at IMS, {@code unauthorized_client} at Keycloak), so nothing is guessed from the code alone.
     */
    private ServiceTokenException refused(TokenRejectedException e) {
        String error = e.error() == null ? "unknown_error" : e.error().replaceAll("[^A-Za-z0-9_.-]", "");
        String said = e.description() == null ? "" : " (\"" + e.description() + "\")";
        String hint = switch (error) {
            case "invalid_client" -> "; the provider did not accept the client's credentials: check "
                    + "ims.client-id and ims.client-secret";
            case "invalid_scope" -> "; the scopes asked for were '" + String.join(" ", scopes) + "' (ims.service-scopes); "
                    + "at IMS, an app's API scopes are chosen at developer.bentley.com";
            default -> "";
        };
        return new ServiceTokenException(Failure.PROVIDER_ERROR, error, "The identity provider refused the "
                + "client-credentials request of client '" + client.provider().clientId() + "': " + error + said + hint, null);
    }

    /** One generation of the token with what callers need precomputed; no toString, so nothing leaks. */
    private static final class Cached {
        final TokenSet tokens;
        final String accessToken;
        final String header;
        final long renewAt;

        Cached(TokenSet tokens, long renewAt) {
            this.tokens = tokens;
            this.accessToken = tokens.accessToken();
            this.header = tokens.authorizationHeader();
            this.renewAt = renewAt;
        }
    }
}
