package dev.imsauth.protocol;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.imsauth.event.jfr.FlightRecorder;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The provider's signing keys, fetched once and kept. A token signed with a key we do not know (a
 * rotation) triggers one re-fetch, but never more than one per {@code ims.jwks-refresh-interval}, so a
 * flood of forged tokens with random key ids cannot turn us into a JWKS-fetching amplifier. The same
 * limit holds while no keys are cached: a failed fetch is remembered and repeated to every caller until
 * the interval has passed. The document is read member by member ({@link JwksMembers}): members this
 * library cannot use are skipped (RFC 7517 §5), not fatal.
 */
final class JwksCache implements JWKSource<SecurityContext> {
    private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());
    private final URI jwksUri;
    private final ProviderHttp http;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final JwksMembers members = new JwksMembers();
    private volatile JWKSet keys;
    private Instant lastFetch = Instant.MIN;
    private KeySourceException lastFailure;

    JwksCache(URI jwksUri, ProviderHttp http, Clock clock, Duration minRefreshInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet current = keys;
        if (current == null) {
            current = refresh(null);
        }
        List<JWK> found = selector.select(current);
        if (!found.isEmpty()) {
            return found;
        }
        return selector.select(refresh(current));
    }

    /** Re-fetches unless another thread just did, or the rate limit forbids it; returns the keys to use. */
    private synchronized JWKSet refresh(JWKSet seen) throws KeySourceException {
        if (keys != null && keys != seen) {
            return keys;
        }
        Instant now = clock.instant();
        if (now.isBefore(ProviderBounds.plus(lastFetch, minRefreshInterval))) {
            if (keys != null) {
                return keys;
            }
            if (lastFailure != null) {
                throw lastFailure; // no keys and the last attempt failed: wait for the interval, like a rotation
            }
        }
        lastFetch = now;
        try {
            keys = fetch();
            lastFailure = null;
        } catch (KeySourceException e) {
            if (keys == null) {
                lastFailure = e;
            }
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Fetched {0} usable signing keys from {1}", keys.getKeys().size(), jwksUri);
        return keys;
    }

    private JWKSet fetch() throws KeySourceException {
        HTTPResponse response;
        try {
            response = FlightRecorder.jwksFetch(() -> http.get(jwksUri), HTTPResponse::getStatusCode,
                    ImsAuthException::reasonOf);
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
