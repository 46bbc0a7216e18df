package dev.imsauth.protocol;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The provider's signing keys, fetched once and kept. A token signed with a key we do not know (a
 * rotation) triggers one re-fetch, but never more than one per {@code ims.jwks-refresh-interval}, so a
 * flood of forged tokens with random key ids cannot turn us into a JWKS-fetching amplifier.
 */
final class JwksCache implements JWKSource<SecurityContext> {
    private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());
    private final URI jwksUri;
    private final ProviderHttp http;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private volatile JWKSet keys;
    private Instant lastFetch = Instant.MIN;

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
        if (keys != null && now.isBefore(lastFetch.plus(minRefreshInterval))) {
            return keys;
        }
        lastFetch = now;
        keys = fetch();
        LOG.log(System.Logger.Level.DEBUG, "Fetched {0} signing keys from {1}", keys.getKeys().size(), jwksUri);
        return keys;
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
        try {
            return JWKSet.parse(response.getBody()).toPublicJWKSet();
        } catch (ParseException e) {
            throw new KeySourceException("JWKS at " + jwksUri + " is not a valid JWK set");
        }
    }
}
