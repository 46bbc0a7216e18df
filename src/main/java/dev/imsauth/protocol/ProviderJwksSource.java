package dev.imsauth.protocol;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The provider's JWKS as the root {@link JWKSetSource} under Nimbus's {@code JWKSourceBuilder} chain
 * ({@link ProviderSigningKeys}): fetched through {@link ProviderHttp} (overall deadline, size cap, no redirects) and
 * read member by member ({@link JwksMembers}: members this library cannot use are skipped, RFC 7517 §5).
 *
 * <p>It is also the rate limit: the provider is called at most once per {@code ims.jwks-refresh-interval},
 * judged on the application's {@link Clock}. Within the interval it answers with the keys it last read (a
 * token with an unknown {@code kid} then finds no key: 401), or, while it has read none, with the failure of
 * the last attempt (502), without calling the provider. Nimbus's {@code RateLimitedJWKSetSource} does not do
 * this job: it allows two fetches per interval and answers a third with an exception, so a flood of forged
 * key ids would fetch twice and then turn into provider faults instead of refused tokens.
 */
final class ProviderJwksSource implements JWKSetSource<SecurityContext> {
    private static final System.Logger LOG = System.getLogger(ProviderJwksSource.class.getName());
    private final URI jwksUri;
    private final ProviderHttp http;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final JwksMembers members = new JwksMembers();
    private JWKSet lastRead;
    private KeySourceException lastFailure;
    private Instant lastFetch = Instant.MIN;

    ProviderJwksSource(URI jwksUri, ProviderHttp http, Clock clock, Duration minRefreshInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
    }

    /** Fetches unless the interval forbids it; the evaluator and Nimbus's time are not needed here. */
    @Override
    public synchronized JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        Instant now = clock.instant();
        if (now.isBefore(ProviderBounds.plus(lastFetch, minRefreshInterval))) {
            if (lastRead != null) {
                return lastRead;
            }
            if (lastFailure != null) {
                throw lastFailure; // no keys and the last attempt failed: wait for the interval, like a rotation
            }
        }
        lastFetch = now;
        try {
            lastRead = fetch();
            lastFailure = null;
        } catch (KeySourceException e) {
            if (lastRead == null) {
                lastFailure = e;
            }
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Fetched {0} usable signing keys from {1}", lastRead.getKeys().size(), jwksUri);
        return lastRead;
    }

    @Override
    public void close() {
        // nothing held: the HTTP client belongs to the OidcClient
    }

    private JWKSet fetch() throws KeySourceException {
        HTTPResponse response;
        try {
            response = http.get(jwksUri);
        } catch (ProviderException e) {
            throw new KeySourceException("JWKS unavailable: " + e.getMessage());
        }
        if (response.getStatusCode() != 200) {
            throw new KeySourceException("JWKS at " + jwksUri + " answered HTTP " + response.getStatusCode());
        }
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(response.getBody());
        } catch (ParseException e) {
            throw new KeySourceException("JWKS at " + jwksUri + " is not a JSON object");
        }
        JwksMembers.Result read = members.read(document.get("keys"));
        read.problems().forEach(problem -> LOG.log(System.Logger.Level.WARNING,
                "The JWKS at {0} has a member this application cannot use; it is ignored: {1}", jwksUri, problem));
        if (read.keys().isEmpty()) {
            throw new KeySourceException("JWKS at " + jwksUri + " holds no usable signing key");
        }
        return new JWKSet(read.keys());
    }
}
