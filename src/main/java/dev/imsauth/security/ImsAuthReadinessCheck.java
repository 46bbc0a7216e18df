package dev.imsauth.security;

import dev.imsauth.protocol.ProviderStatus;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness of the sign-in: UP while the provider's discovery document can be read and
 * neither its signing keys nor token refreshes are failing. Each call probes the discovery document at most
 * once per {@code ims.health-probe-interval}. The data holds times and stable reason codes, never a token or
 * secret. Not a discovered bean: {@link ImsAuthExtension} adds it on the Jakarta Security route, and only
 * where the MicroProfile Health API is present (WildFly with the {@code microprofile-health-smallrye}
 * subsystem), so a container without it never loads this class.
 */
@Readiness
public class ImsAuthReadinessCheck implements HealthCheck {
    static final String NAME = "ims-auth";
    @Inject
    ImsAuthRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        ProviderStatus.Snapshot s = runtime.flow().client().probe();
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).status(s.usable())
                .withData("issuer", runtime.provider().issuer().toString());
        part(b, "discovery", s.discovery());
        part(b, "jwks", s.jwks());
        part(b, "refresh", s.refresh());
        return b.build();
    }

    private static void part(HealthCheckResponseBuilder b, String name, ProviderStatus.Outcome o) {
        b.withData(name, o.failing() ? "failing" : o.lastSuccess().isPresent() ? "ok" : "not used yet");
        put(b, name + ".last-success", o.lastSuccess().map(Object::toString));
        put(b, name + ".last-failure", o.lastFailure().map(Object::toString));
        put(b, name + ".last-failure-reason", o.lastReason());
        if (o.failing()) {
            b.withData(name + ".failures", o.failuresSinceSuccess());
        }
    }

    private static void put(HealthCheckResponseBuilder b, String key, Optional<String> value) {
        value.ifPresent(v -> b.withData(key, v));
    }
}
