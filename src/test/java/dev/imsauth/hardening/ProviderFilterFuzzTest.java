package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SecretLedger;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The provider's token responses fuzzed end to end, a few hundred full sign-ins over real HTTP: the filter on
 * Jetty, the strict test provider issuing real codes and ID tokens, and each token response altered by
 * generated members (any JSON for {@code expires_in}, {@code token_type}, {@code scope},
 * {@code refresh_token}, {@code access_token}, extra members). For every input: never a 500 (only the typed
 * 401 or 502 of a refused or faulty answer), a redirect only
 * to the app's own origin, a user stored only after a 302 and then with a lifetime between 30 s and 24 h,
 * otherwise a page naming a stable reason and nothing stored. The protocol classes get the ten-thousand-input
 * runs in-process ({@link ProviderFuzzTest}).
 */
class ProviderFilterFuzzTest {
    private static final int TRIES = 300;
    private static final List<String> FIELDS = List.of("expires_in", "token_type", "scope", "refresh_token", "access_token");
    private static SignInFixture f;
    private static final AtomicInteger tried = new AtomicInteger();
    private static final AtomicInteger signedIn = new AtomicInteger();

    @BeforeContainer
    static void start() {
        SecretLedger.startScope();
        f = SignInFixture.with(b -> b);
        f.op.setClock(f.clock);
    }

    @AfterContainer
    static void stop() {
        try {
            System.out.println("provider fuzz (filter over HTTP): " + tried.get() + " sign-ins, " + signedIn.get()
                    + " signed in, " + f.op.tokenCalls() + " token calls");
            assertThat(signedIn.get()).as("some altered responses are still good").isGreaterThan(TRIES / 10);
            assertThat(SecretLedger.leaks()).as("log hygiene during fuzzing").isEmpty();
        } finally {
            f.close();
        }
    }

    @Property(tries = TRIES)
    @Catalogue({"I04", "I11"})
    void noAlteredTokenResponseBreaksTheFilter(@ForAll("alterations") Map<String, Optional<Object>> alteration) {
        tried.incrementAndGet();
        f.op.faults().reset();
        alteration.forEach((name, value) -> f.op.faults().tokenResponseField(name, value.orElse(null)));
        BrowserlessClient browser = new BrowserlessClient();
        Instant now = f.clock.instant();
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/fuzz")));
        // 502 is the library's typed answer to a faulty provider; a 500 (an unexpected failure) never happens
        assertThat(r.statusCode()).as("status for %s: %s", alteration, r.body()).isIn(302, 401, 502);
        Optional<SignedInUser> user = browser.sessionId(f.url("/")).flatMap(f.app::userInSession);
        if (r.statusCode() == 302) {
            assertThat(BrowserUrls.staysOn(f.app.origin(), r.headers().firstValue("Location").orElseThrow())).isTrue();
            SignedInUser u = user.orElseThrow(() -> new AssertionError("302 without a stored user"));
            assertThat(Duration.between(now, u.tokens().expiresAt()))
                    .isBetween(ProviderBounds.MIN_LIFETIME, ProviderBounds.MAX_LIFETIME);
            signedIn.incrementAndGet();
            assertThat(browser.get(f.url("/protected/page")).statusCode()).isEqualTo(200);
        } else {
            assertThat(user).as("stored after %s", r.statusCode()).isEmpty();
            assertThat(r.body()).containsAnyOf("provider_fault", "token_rejected", "invalid_id_token");
            assertThat(r.headers().firstValue("Location")).isEmpty();
        }
    }

    @Provide
    Arbitrary<Map<String, Optional<Object>>> alterations() {
        return Arbitraries.randomValue(r -> {
            Map<String, Optional<Object>> m = new LinkedHashMap<>();
            for (String name : FIELDS) {
                if (r.nextInt(3) == 0) {
                    Object v = name.equals("expires_in") ? ProviderInputs.expiresIn(r) : ProviderInputs.anyJson(r);
                    if (v != ProviderInputs.ABSENT) {
                        m.put(name, Optional.ofNullable(v));
                    }
                }
            }
            ProviderInputs.extraMembers(r).forEach((k, v) -> m.put(k, Optional.ofNullable(v)));
            return m;
        });
    }
}
