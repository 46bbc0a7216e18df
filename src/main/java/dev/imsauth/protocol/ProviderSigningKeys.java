package dev.imsauth.protocol;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSetSourceWithHealthStatusReporting;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.health.HealthReport;
import com.nimbusds.jose.util.health.HealthReportListener;
import com.nimbusds.jose.util.health.HealthStatus;
import dev.imsauth.config.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * The provider's signing keys for one verifier, built with Nimbus's {@link JWKSourceBuilder} over our
 * {@link ProviderJwksSource} (bounded fetch, member-by-member reading, one fetch per
 * {@code ims.jwks-refresh-interval}). From the builder we use:
 * <ul>
 * <li>the cache, kept until a rotation: a token whose {@code kid} is not in the cached set makes one thread
 *     re-fetch while the others wait for that fetch (Nimbus's reference comparison), so a rotation costs one
 *     call; the set never expires by age, which is why refresh-ahead and outage tolerance, which serve a
 *     set past its time-to-live, have nothing to do here (during an outage the cached keys simply stay);</li>
 * <li>health events: a fetch that fails after one that worked (or the reverse) is logged once, when the
 *     state changes, not per token.</li>
 * </ul>
 * Nimbus's own rate limiter is switched off; {@link ProviderJwksSource} says why.
 */
final class ProviderSigningKeys {
    private static final System.Logger LOG = System.getLogger(ProviderSigningKeys.class.getName());
    /** Extra wait, beyond the HTTP deadline, for a thread queued behind another thread's fetch. */
    private static final long QUEUE_MARGIN_MILLIS = 1_000;

    private ProviderSigningKeys() {
    }

    /** A key selector for these algorithms over the provider's JWKS at {@code jwksUri}. */
    static JWSKeySelector<SecurityContext> selector(Set<JWSAlgorithm> algorithms, URI jwksUri, ProviderSettings config,
                                                    ProviderHttp http, Clock clock, ProviderStatus status) {
        ProviderJwksSource root = new ProviderJwksSource(jwksUri, http, clock, config.jwksRefreshInterval());
        JWKSource<SecurityContext> source = JWKSourceBuilder.create(root)
                .cache(Long.MAX_VALUE, Math.min(config.readTimeout().toSeconds(), 86_400L) * 1_000 + QUEUE_MARGIN_MILLIS)
                .refreshAheadCache(false)
                .rateLimited(false)
                .healthReporting(new HealthLog(jwksUri, clock, status))
                .build();
        return new CachedKeySelector(algorithms, source);
    }

    /** Logs when fetching the keys starts failing and when it works again. */
    private static final class HealthLog
            implements HealthReportListener<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> {
        private final URI jwksUri;
        private final Clock clock;
        private final ProviderStatus status;
        private HealthStatus last = HealthStatus.HEALTHY;

        HealthLog(URI jwksUri, Clock clock, ProviderStatus status) {
            this.jwksUri = jwksUri;
            this.clock = clock;
            this.status = status;
        }

        @Override
        public synchronized void notify(
                HealthReport<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> report) {
            HealthStatus now = report.getHealthStatus();
            if (now == HealthStatus.HEALTHY) { // every fetch reports: the readiness check reads the outcome
                status.jwksSucceeded(clock.instant());
            } else {
                status.jwksFailed(clock.instant(), "jwks_unavailable");
            }
            if (now == last) {
                return;
            }
            last = now;
            if (now == HealthStatus.NOT_HEALTHY) {
                LOG.log(System.Logger.Level.WARNING, "The signing keys at {0} could not be fetched: {1}", jwksUri,
                        report.getException() == null ? "unknown" : report.getException().getMessage());
            } else {
                LOG.log(System.Logger.Level.INFO, "The signing keys at {0} can be fetched again", jwksUri);
            }
        }
    }
}
