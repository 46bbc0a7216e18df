package dev.imsauth.bench.support;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The library configured as a typical IMS web portal, over the {@link InProcessProvider}. */
public final class BenchClient {
    public static final String CLIENT_SECRET = "bench-client-secret-0123456789";

    private BenchClient() {
    }

    public static ImsAuthConfig config() {
        return ImsAuthConfig.builder()
                .issuer(InProcessProvider.ISSUER)
                .clientId(InProcessProvider.CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri("/signin-oidc")
                .scopes(TypicalImsLogin.SCOPES)
                .publicPaths(List.of("/public/*"))
                .jwksRefreshInterval(Duration.ofSeconds(30))
                .build();
    }

    public static OidcClient over(InProcessProvider provider) {
        ImsAuthConfig config = config();
        return new OidcClient(config.provider(), config.signIn(), provider, Clock.systemUTC());
    }
}
