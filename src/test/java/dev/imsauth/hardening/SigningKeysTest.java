package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.IdTokenSigning;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalogue A21-A25 and F11: the provider's signing keys — tokens without a kid, key rotation, unknown
 * keys and a JWKS endpoint that is down. The library caches the JWKS, so each test starts a fresh
 * fixture (provider, app, client: a few hundred milliseconds) to control what is cached.
 * The JWKS re-fetch rate limit is 30 s ({@code ims.jwks-refresh-interval}), moved by the test clock;
 * provider calls time out after 5 s (1 s in the JWKS-timeout test).
 */
class SigningKeysTest {
    private SignInFixture f;
    private BrowserlessClient browser;

    @BeforeEach
    void start() {
        f = SignInFixture.with(b -> b.readTimeout(Duration.ofSeconds(5)));
        browser = new BrowserlessClient();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    @Catalogue("A21")
    void acceptsATokenWithoutKidWhenTheJwksHoldsOneKey() {
        f.op.faults().idTokenSigning(IdTokenSigning.NO_KID);
        assertThat(f.op.publicKeys().getKeys()).hasSize(1);
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
    }

    @Test
    @Catalogue("A22")
    void acceptsATokenWithoutKidWhenTheJwksHoldsSeveralKeysByTryingEach() {
        f.op.rotateSigningKey();
        f.op.rotateSigningKey();
        assertThat(f.op.publicKeys().getKeys()).hasSize(3);
        f.op.faults().idTokenSigning(IdTokenSigning.NO_KID);
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        assertThat(f.op.jwksCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue({"A23", "A24"})
    void aKeyRotatedBetweenSignInsIsFetchedOnceAndAccepted() {
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        assertThat(f.op.jwksCalls()).isEqualTo(1);

        f.op.rotateSigningKey();
        f.op.faults().publishRetiredKeys(false);
        f.clock.advance(Duration.ofSeconds(31));
        BrowserlessClient next = new BrowserlessClient();
        HttpResponse<String> r = next.follow(next.startSignIn(f.url("/protected/again")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(f.op.jwksCalls()).as("one re-fetch for the unknown kid").isEqualTo(2);

        BrowserlessClient third = new BrowserlessClient();
        assertThat(third.follow(third.startSignIn(f.url("/protected/"))).statusCode()).isEqualTo(302);
        assertThat(f.op.jwksCalls()).as("the new key is cached now").isEqualTo(2);
    }

    @Test
    @Catalogue("A25")
    void aForeverUnknownKidIsRejectedAndAFloodFetchesTheJwksAtMostOncePerWindow() throws Exception {
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        f.clock.advance(Duration.ofSeconds(31));
        f.op.faults().idTokenSigning(IdTokenSigning.UNKNOWN_KID);
        List<BrowserlessClient> attackers = new ArrayList<>();
        List<HttpResponse<String>> callbacks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            BrowserlessClient b = new BrowserlessClient();
            attackers.add(b);
            callbacks.add(b.startSignIn(f.url("/protected/")));
        }
        f.op.clearRequests();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<CompletableFuture<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                BrowserlessClient b = attackers.get(i);
                HttpResponse<String> cb = callbacks.get(i);
                results.add(CompletableFuture.supplyAsync(() -> b.follow(cb), pool));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
            for (int i = 0; i < 100; i++) {
                assertRejected(f, attackers.get(i), results.get(i).get(), 401, "invalid_id_token");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.op.tokenCalls()).isEqualTo(100);
        assertThat(f.op.jwksCalls()).as("JWKS fetches for 100 forged kids in one window").isEqualTo(1);
    }

    @Test
    @Catalogue("F11")
    void withoutCachedKeysAJwksOutageFailsTheSignInAsAProviderFault() {
        f.op.faults().jwksStatus(500);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("signing keys could not be loaded");

        f.close();
        f = SignInFixture.with(b -> b.readTimeout(Duration.ofSeconds(1)));
        f.op.faults().jwksDelay(Duration.ofSeconds(3));
        BrowserlessClient again = new BrowserlessClient();
        long started = System.nanoTime();
        HttpResponse<String> slow = again.follow(again.startSignIn(f.url("/protected/")));
        assertRejected(f, again, slow, 502, "provider_fault");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("read timeout 1 s").isLessThan(Duration.ofMillis(2500));
    }

    @Test
    @Catalogue("F11")
    void withCachedKeysAJwksOutageDoesNotStopSignInWithAKnownKid() {
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        f.op.faults().jwksStatus(500);
        BrowserlessClient next = new BrowserlessClient();
        assertSignedIn(f, next, next.follow(next.startSignIn(f.url("/protected/b"))), "/app/protected/b");
        assertThat(f.op.jwksCalls()).isEqualTo(1);
    }

    @Test
    void aJwksThatStopsAnsweringIsLoggedOnceAndItsRecoveryOnce() {
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        f.op.rotateSigningKey();
        f.op.faults().publishRetiredKeys(false).jwksStatus(500);
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 2; i++) {
                f.clock.advance(Duration.ofSeconds(31));
                BrowserlessClient b = new BrowserlessClient();
                assertRejected(f, b, b.follow(b.startSignIn(f.url("/protected/"))), 502, "provider_fault");
            }
            assertThat(f.op.jwksCalls()).as("one failed re-fetch per window").isEqualTo(3);

            f.op.faults().reset();
            f.clock.advance(Duration.ofSeconds(31));
            BrowserlessClient next = new BrowserlessClient();
            assertSignedIn(f, next, next.follow(next.startSignIn(f.url("/protected/b"))), "/app/protected/b");
            assertThat(log.lines().stream().filter(l -> l.contains("could not be fetched")).count())
                    .as("the outage, logged when it starts").isEqualTo(1);
            assertThat(log.lines().stream().filter(l -> l.contains("can be fetched again")).count())
                    .as("the recovery, logged once").isEqualTo(1);
        }
    }
}
