package dev.imsauth.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many sign-ins at once on one node: 200 browsers, each a different user (chosen at the provider's
 * login page by login_hint), released together. Each must end signed in as itself, holding tokens the
 * provider issued to that user and an ID token carrying its own nonce: no cross-talk between
 * pending sign-ins, verifiers, nonces or sessions.
 */
class ConcurrentSignInTest {
    private static final int BROWSERS = 200;
    @RegisterExtension
    static final SignInExtension SIGN_IN = SignInExtension.publicClient();
    private final SignInFixture f = SIGN_IN.fixture();

    /** What one browser saw: its user, its nonce, its session. */
    record Outcome(String user, String nonce, String sessionId, String finalBody) {
    }

    @Test
    void twoHundredParallelSignInsEachEndWithTheirOwnUserAndTokens() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BROWSERS);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        try {
            for (int i = 0; i < BROWSERS; i++) {
                String user = "user-" + i;
                all.add(CompletableFuture.supplyAsync(() -> signIn(user, go), pool));
            }
            go.countDown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        Set<String> accessTokens = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        for (CompletableFuture<Outcome> c : all) {
            Outcome o = c.get();
            assertThat(o.finalBody()).startsWith("user=" + o.user() + ";");
            SignedInUser stored = f.app.userInSession(o.sessionId()).orElseThrow();
            assertThat(stored.claims().subject()).isEqualTo(o.user());
            assertThat(stored.claims().string("nonce")).contains(o.nonce());
            assertThat(f.op.introspect(stored.tokens().accessToken()).map(t -> t.user().subject()).orElse(null))
                    .as("the access token in %s's session was issued for %s", o.user(), o.user()).isEqualTo(o.user());
            accessTokens.add(stored.tokens().accessToken());
            sessions.add(o.sessionId());
        }
        assertThat(accessTokens).hasSize(BROWSERS);
        assertThat(sessions).hasSize(BROWSERS);
        assertThat(f.op.tokenCalls()).isEqualTo(BROWSERS);
        assertThat(f.app.sessionsWithUser()).isEqualTo(BROWSERS);
    }

    private Outcome signIn(String user, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(f.url("/protected/" + user));
        URI authorize = BrowserlessClient.location(toProvider);
        String nonce = Verdicts.param(authorize, "nonce").orElseThrow();
        HttpResponse<String> toCallback = browser.get(authorize + "&login_hint=" + user);
        HttpResponse<String> done = browser.follow(toCallback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(BrowserlessClient.location(done).getPath()).isEqualTo("/app/protected/" + user);
        HttpResponse<String> page = browser.follow(done);
        return new Outcome(user, nonce, browser.sessionId(f.url("/")).orElseThrow(), page.body());
    }
}
