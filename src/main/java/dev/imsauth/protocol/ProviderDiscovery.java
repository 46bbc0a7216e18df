package dev.imsauth.protocol;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.ImsAuthConfigException;
import dev.imsauth.config.UrlRules;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {issuer}/.well-known/openid-configuration} once and caches it. While the provider is
 * down, calls fail fast with a 503-kind {@link ProviderException} and discovery is retried at most once
 * per {@code ims.discovery-retry}, so the app starts and recovers by itself.
 */
public final class ProviderDiscovery {
    private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());
    private final ProviderSettings config;
    private final ProviderHttp http;
    private final Clock clock;
    private final UrlRules urls;
    private volatile ProviderMetadata metadata;
    private final ProviderStatus status;
    private final WarningThrottle warnings;
    private Instant nextAttempt = Instant.MIN;
    private Instant nextProbe = Instant.MIN;
    private ProviderException lastFailure;

    public ProviderDiscovery(ProviderSettings config, ProviderHttp http, Clock clock) {
        this(config, http, clock, new ProviderStatus(), new WarningThrottle(clock, config.warningInterval()));
    }

    ProviderDiscovery(ProviderSettings config, ProviderHttp http, Clock clock, ProviderStatus status,
                      WarningThrottle warnings) {
        this.status = status;
        this.warnings = warnings;
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.urls = config.urlRules();
    }

    /**
     * The discovery URL for the configured issuer: a terminating {@code /} of the issuer is removed before
     * {@code /.well-known/openid-configuration} is appended (OIDC Discovery §4).
     */
    public URI discoveryUri() {
        return URI.create(UrlRules.withoutTrailingSlash(config.issuer().toString()) + "/.well-known/openid-configuration");
    }

    /** The cached metadata, discovering it first if needed. */
    public ProviderMetadata metadata() {
        ProviderMetadata m = metadata;
        return m != null ? m : discover();
    }

    private synchronized ProviderMetadata discover() {
        if (metadata != null) {
            return metadata;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            throw lastFailure;
        }
        try {
            metadata = fetch();
            status.discoverySucceeded(now);
            LOG.log(System.Logger.Level.DEBUG, "Discovered identity provider {0}", metadata.issuer());
            return metadata;
        } catch (ProviderException e) {
            nextAttempt = now.plus(config.discoveryRetry());
            lastFailure = e;
            status.discoveryFailed(now, e.reason());
            warnings.warn(LOG, "discovery:" + e.reason() + ":" + e.getMessage(),
                    "Discovery of {0} failed: {1}; retrying after {2}",
                    config.issuer(), e.getMessage(), config.discoveryRetry());
            throw e;
        }
    }

    /**
     * Checks that the provider still answers: discovers it when it is not yet known, otherwise re-reads the
     * discovery document (the cached metadata stays in use) and records the outcome in the status. At most one
     * request per {@code ims.health-probe-interval}, however often a health endpoint is polled.
     */
    synchronized void probe() {
        Instant now = clock.instant();
        if (now.isBefore(nextProbe)) {
            return;
        }
        nextProbe = ProviderBounds.plus(now, config.healthProbeInterval());
        if (metadata == null) {
            try {
                discover();
            } catch (ProviderException e) {
                // recorded by discover()
            }
            return;
        }
        try {
            fetch();
            status.discoverySucceeded(now);
        } catch (ProviderException e) {
            status.discoveryFailed(now, e.reason());
            LOG.log(System.Logger.Level.DEBUG, "The readiness probe of {0} failed: {1}", config.issuer(), e.getMessage());
        }
    }

    private ProviderMetadata fetch() {
        HTTPResponse response;
        try {
            response = http.get(discoveryUri());
        } catch (ProviderException e) {
            // unreachable, timed out, TLS refused or oversized: without metadata sign-in is unavailable (503)
            throw ProviderException.unavailable("Discovery failed: " + e.getMessage(), null);
        }
        if (response.getStatusCode() != 200) {
            throw ProviderException.unavailable("Discovery at " + discoveryUri() + " answered HTTP "
                    + response.getStatusCode(), null);
        }
        OIDCProviderMetadata parsed;
        try {
            parsed = OIDCProviderMetadata.parse(response.getBody());
        } catch (ParseException e) {
            throw ProviderException.unavailable("Discovery at " + discoveryUri() + " is not valid provider metadata", null);
        }
        return check(parsed);
    }

    private ProviderMetadata check(OIDCProviderMetadata m) {
        String issuer = m.getIssuer().getValue();
        if (!issuer.equals(config.issuer().toString())) { // OIDC Discovery §4.3: identical, no normalisation
            throw ProviderException.unavailable("Discovery names issuer '" + issuer + "' but ims.issuer is '"
                    + config.issuer() + "'; they must be identical (OIDC Discovery 4.3)", null);
        }
        try {
            List<String> algs = m.getIDTokenJWSAlgs() == null ? List.of()
                    : m.getIDTokenJWSAlgs().stream().map(JWSAlgorithm::getName).toList();
            return new ProviderMetadata(issuer,
                    secure("authorization_endpoint", m.getAuthorizationEndpointURI()),
                    secure("token_endpoint", m.getTokenEndpointURI()),
                    secure("jwks_uri", m.getJWKSetURI()),
                    optional("userinfo_endpoint", m.getUserInfoEndpointURI()),
                    optional("end_session_endpoint", m.getEndSessionEndpointURI()),
                    optional("revocation_endpoint", m.getRevocationEndpointURI()),
                    m.supportsAuthorizationResponseIssuerParam(), algs);
        } catch (ImsAuthConfigException e) {
            throw ProviderException.unavailable("Discovery returned an endpoint that is not allowed: " + e.getMessage(), null);
        }
    }

    private URI secure(String name, URI uri) {
        if (uri == null) {
            throw ProviderException.unavailable("Discovery at " + discoveryUri() + " lacks " + name, null);
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw ProviderException.unavailable("Discovery at " + discoveryUri() + " gives " + name
                    + " without a scheme and host", null);
        }
        urls.requireSecureScheme(name, uri);
        return uri;
    }

    private Optional<URI> optional(String name, URI uri) {
        return uri == null ? Optional.empty() : Optional.of(secure(name, uri));
    }
}
