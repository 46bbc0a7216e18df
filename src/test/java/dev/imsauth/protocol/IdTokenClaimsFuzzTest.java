package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.hardening.Catalogue;
import dev.imsauth.hardening.IdTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property-based fuzzing of ID-token claims, 10 000 generated payloads: iss, sub, aud, azp, exp, iat, nbf,
 * auth_time and nonce drawn from values a correct relying party accepts or refuses (huge, negative,
 * fractional and wrongly typed times among them) plus extra members of any JSON type. Each payload goes
 * through {@link IdTokenVerifier#checkClaims} — what {@link IdTokenVerifier#verify} runs once the signature
 * holds — so no token has to be signed; signatures and headers are fuzzed end to end by
 * {@code ProviderFuzzTest}. Property: the claims pass exactly when every claim is acceptable, and a refusal
 * is an {@link IdTokenInvalidException}, never another exception.
 */
class IdTokenClaimsFuzzTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String NONCE = "the-sign-ins-nonce";
    private static final AtomicInteger tried = new AtomicInteger();
    private static final AtomicInteger accepted = new AtomicInteger();
    private final IdTokenVerifier verifier = new IdTokenVerifier(
            ImsAuthConfig.builder().issuer("https://op.example").clientId("portal").build().provider(),
            new ProviderMetadata("https://op.example", URI.create("https://op.example/a"), URI.create("https://op.example/t"),
                    URI.create("https://op.example/jwks"), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    List.of("RS256")),
            new ProviderHttp(HttpClient.newHttpClient(), Duration.ofSeconds(1), 4096), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterContainer
    static void report() {
        System.out.println("id-token claims fuzz: " + tried.get() + " payloads, " + accepted.get() + " accepted");
        assertThat(accepted.get()).as("the generator reaches acceptance").isGreaterThan(tried.get() / 20);
    }

    @Property(tries = 10_000)
    @Catalogue({"I05", "I11"})
    void claimsPassExactlyWhenEveryClaimIsAcceptable(@ForAll("tokens") IdTokens.Token token) {
        tried.incrementAndGet();
        boolean passed;
        try {
            verifier.checkClaims(token.claims(NONCE), NONCE, false);
            passed = true;
            accepted.incrementAndGet();
        } catch (IdTokenInvalidException e) {
            assertThat(e.reason()).isEqualTo("invalid_id_token");
            passed = false;
        } catch (RuntimeException e) {
            throw new AssertionError("an untyped failure escaped: " + e, e);
        }
        boolean claimsOk = token.claimValues().stream().allMatch(j -> j.ok());
        assertThat(passed).as("claims %s", token).isEqualTo(claimsOk);
    }

    @Provide
    net.jqwik.api.Arbitrary<IdTokens.Token> tokens() {
        return IdTokens.tokens();
    }
}
