package dev.imsauth.hardening.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.hardening.Catalogue;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ConcurrentRequests;
import dev.imsauth.testsupport.MutableClock;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Jetty 12 nodes behind one public origin, sharing sessions through Jetty's JDBCSessionDataStore
 * over a real H2 database server, with no sticky sessions: a sign-in started on one node must finish
 * on the other, even when the first node is gone. The load balancer (terminating TLS) is played by the test: the
 * provider redirects to the public callback URL ({@code https://portal.cluster.test/app/signin-oidc},
 * registered as such), and the test sends that request to the node it chooses.
 * Tokens are refreshed on whichever node sees them near expiry, once, and a logout on one node signs
 * the user out on the other. The provider and the nodes share one test clock.
 */
class TwoNodeClusterTest {
    private static final String PUBLIC_ORIGIN = "https://portal.cluster.test";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final MutableClock clock = new MutableClock();
    private static TestOpenIdProvider op;
    private static SharedSessionDatabase db;
    private ClusterNode a;
    private ClusterNode b;
    private final BrowserlessClient browser = new BrowserlessClient();

    @BeforeAll
    static void startProviderAndDatabase() {
        op = TestOpenIdProvider.start().setClock(clock).setAccessTokenLifetime(LIFETIME);
        op.registerClient("portal", null, PUBLIC_ORIGIN + ClusterNode.CONTEXT + "/signin-oidc");
        db = new SharedSessionDatabase();
    }

    @AfterAll
    static void stopProviderAndDatabase() {
        db.close();
        op.close();
    }

    @BeforeEach
    void startNodes() {
        ImsAuthConfig config = ImsAuthConfig.builder().issuer(op.issuer()).clientId("portal")
                .allowInsecureLoopback(true).redirectUri(PUBLIC_ORIGIN + ClusterNode.CONTEXT + "/signin-oidc")
                .readTimeout(Duration.ofSeconds(3)).build();
        clock.set(Instant.now());
        op.faults().reset();
        a = new ClusterNode("nodeA", db.jdbcUrl(), config, clock);
        b = new ClusterNode("nodeB", db.jdbcUrl(), config, clock);
        op.clearRequests();
    }

    @AfterEach
    void stopNodes() {
        a.close();
        b.close();
    }

    @Test
    void aSignInStartedOnNodeACompletesOnNodeBAndBothSeeTheUser() {
        HttpResponse<String> toProvider = browser.get(a.url("/protected/report?id=7"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String startedSession = browser.sessionId(a.origin()).orElseThrow();
        assertThat(db.sessionRows()).as("the pending sign-in is in the shared store").isPositive();

        HttpResponse<String> done = browser.get(on(b, BrowserlessClient.location(browser.follow(toProvider))));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).contains("/app/protected/report?id=7");

        String signedInSession = browser.sessionId(b.origin()).orElseThrow();
        assertThat(sessionId(signedInSession)).as("rotated at sign-in").isNotEqualTo(sessionId(startedSession));
        assertThat(browser.get(b.url("/protected/report?id=7")).body()).isEqualTo("node=nodeB;user=alice");
        assertThat(browser.get(a.url("/protected/report?id=7")).body()).isEqualTo("node=nodeA;user=alice");

        SignedInUser onA = a.userInSession(signedInSession).orElseThrow();
        SignedInUser onB = b.userInSession(signedInSession).orElseThrow();
        assertThat(onA.tokens().accessToken()).isEqualTo(onB.tokens().accessToken());
        assertThat(op.introspect(onB.tokens().accessToken()).map(t -> t.user().subject()).orElse(null)).isEqualTo("alice");
        assertThat(a.userInSession(startedSession)).as("the pre-sign-in id is not signed in").isEmpty();
        assertThat(op.tokenCalls()).isEqualTo(1);
    }

    @Test
    void whenNodeAStopsMidSignInTheUserCompletesOnNodeB() {
        HttpResponse<String> toProvider = browser.get(a.url("/protected/during-outage"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        a.stop();

        HttpResponse<String> toCallback = browser.follow(toProvider);
        HttpResponse<String> done = browser.get(on(b, BrowserlessClient.location(toCallback)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).contains("/app/protected/during-outage");
        assertThat(browser.get(b.url("/protected/during-outage")).body()).isEqualTo("node=nodeB;user=alice");
        assertThat(b.userInSession(browser.sessionId(b.origin()).orElseThrow())).isPresent();
    }

    @Test
    void aCallbackReplayedOnTheOtherNodeIsRejectedThere() {
        HttpResponse<String> toCallback = browser.follow(browser.get(a.url("/protected/")));
        URI callback = BrowserlessClient.location(toCallback);
        assertThat(browser.get(on(a, callback)).statusCode()).isEqualTo(302);
        HttpResponse<String> replay = browser.get(on(b, callback));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("state_mismatch");
        assertThat(op.tokenCalls()).isEqualTo(1);
    }

    @Test
    void tokensNearExpiryAreRefreshedOnceOnNodeBAndNodeASeesTheNewOnes() {
        signInAcrossNodes("/protected/");
        String cookie = browser.sessionId(b.origin()).orElseThrow();
        SignedInUser before = b.userInSession(cookie).orElseThrow();
        op.clearRequests();

        clock.advance(LIFETIME.minusSeconds(30)); // inside the 60 s refresh margin
        assertThat(browser.get(b.url("/protected/")).body()).isEqualTo("node=nodeB;user=alice");
        SignedInUser refreshedOnB = b.userInSession(cookie).orElseThrow();
        assertThat(refreshedOnB.tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
        assertThat(op.isRefreshTokenActive(before.tokens().refreshToken().orElseThrow())).as("rotated").isFalse();

        assertThat(browser.get(a.url("/protected/")).body()).isEqualTo("node=nodeA;user=alice");
        assertThat(a.userInSession(cookie).orElseThrow().tokens().accessToken())
                .isEqualTo(refreshedOnB.tokens().accessToken());
        assertThat(op.tokenCalls("refresh_token")).as("node A used B's refresh, did not spend the old token").isEqualTo(1);
    }

    @Test
    void aLogoutOnNodeASignsTheUserOutOnNodeB() {
        signInAcrossNodes("/protected/");
        String cookie = browser.sessionId(b.origin()).orElseThrow();
        String refreshToken = b.userInSession(cookie).orElseThrow().tokens().refreshToken().orElseThrow();

        HttpResponse<String> out = browser.post(a.url("/logout"), "", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(out.statusCode()).isEqualTo(302);
        URI endSession = BrowserlessClient.location(out);
        assertThat(endSession.getPath()).isEqualTo("/connect/endsession");
        assertThat(op.isRefreshTokenActive(refreshToken)).as("revoked only after end-session").isTrue();
        String state = endSession.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
        assertThat(browser.get(b.url("/signed-out?state=" + state)).statusCode()).as("landing on B").isEqualTo(200);
        assertThat(op.isRefreshTokenActive(refreshToken)).as("revoked").isFalse();

        assertThat(b.userInSession(cookie)).isEmpty();
        BrowserlessClient stolenCookie = new BrowserlessClient();
        HttpResponse<String> onB = stolenCookie.get(b.url("/protected/"),
                Map.of("Cookie", "JSESSIONID=" + cookie, "Accept", "text/html"));
        assertThat(onB.statusCode()).as("node B no longer knows the session").isEqualTo(302);
        assertThat(BrowserlessClient.location(onB).toString()).startsWith(op.issuer() + "/connect/authorize");
    }

    @Catalogue("L14")
    @Test
    void aBackChannelLogoutReceivedByNodeASignsTheUserOutOnNodeBWithinTheCheckInterval() {
        signInAcrossNodes("/protected/");
        String sid = op.sessionId("alice").orElseThrow();
        assertThat(browser.get(b.url("/protected/")).body()).isEqualTo("node=nodeB;user=alice");

        HttpResponse<String> call = new BrowserlessClient().post(a.url("/backchannel-logout"),
                "logout_token=" + op.logoutTokens("portal").valid("alice", sid), Map.of());
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);

        clock.advance(ImsAuthConfig.builder().clientId("x").build().signIn().logoutCheckInterval());
        HttpResponse<String> onB = browser.get(b.url("/protected/"), Map.of("Accept", "text/html"));
        assertThat(onB.statusCode()).as("node B has read node A's record: signed out").isEqualTo(302);
        assertThat(BrowserlessClient.location(onB).toString()).startsWith(op.issuer() + "/connect/authorize");
        assertThat(db.logoutRecords()).as("the record is in the shared database").isEqualTo(1);
    }

    @Test
    void fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn() throws Exception {
        RaceResult race = refreshRace(LIFETIME.minusSeconds(30));
        assertThat(race.statuses()).as("every request served signed in").containsOnlyKeys(200);
        assertThat(race.bodies()).containsOnly("node=nodeA;user=alice", "node=nodeB;user=alice");
        assertStillSignedInWithoutAnotherRefresh(race);
    }

    @Test
    void fiftyConcurrentRequestsOnEachNodeJustAfterExpiryNeverSignTheUserOut() throws Exception {
        RaceResult race = refreshRace(LIFETIME.plusSeconds(1));
        assertThat(race.statuses()).as("served, or 503 try-again on the node whose refresh was refused; never a sign-in")
                .containsKey(200).doesNotContainKeys(302, 401);
        assertThat(race.statuses().keySet()).isSubsetOf(200, 503);
        assertStillSignedInWithoutAnotherRefresh(race);
    }

    /** What a burst of requests on both nodes at once came to. */
    private record RaceResult(String cookie, SignedInUser before, int refreshCalls, Map<Integer, Long> statuses,
                              java.util.Set<String> bodies) {
    }

    /**
     * 50 requests on each node at once, {@code afterSignIn} after signing in; the provider rotates refresh
     * tokens, refuses a reused one and answers refreshes slowly, so both nodes' refreshes are under way
     * together. Prints what it measured.
     */
    private RaceResult refreshRace(Duration afterSignIn) throws Exception {
        signInAcrossNodes("/protected/");
        String cookie = browser.sessionId(b.origin()).orElseThrow();
        SignedInUser before = b.userInSession(cookie).orElseThrow();
        op.clearRequests();
        op.faults().tokenDelay(Duration.ofMillis(400));
        clock.advance(afterSignIn);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            urls.add((i % 2 == 0 ? a : b).url("/protected/race"));
        }
        long started = System.nanoTime();
        List<HttpResponse<String>> answers;
        try {
            answers = ConcurrentRequests.get(urls, cookie);
        } finally {
            op.faults().reset();
        }
        Map<Integer, Long> statuses = ConcurrentRequests.statuses(answers);
        int refreshCalls = op.tokenCalls("refresh_token");
        System.out.printf("[cluster refresh race] 2 nodes x 50 concurrent requests at sign-in + %s: statuses %s, "
                + "%d refresh calls, %d ms%n", afterSignIn, statuses, refreshCalls, (System.nanoTime() - started) / 1_000_000);
        assertThat(refreshCalls).as("token endpoint refresh calls").isBetween(1, 2);
        return new RaceResult(cookie, before, refreshCalls, statuses,
                answers.stream().map(HttpResponse::body).collect(Collectors.toSet()));
    }

    /** Both nodes hold the same newer generation, its refresh token is live, and no further refresh was needed. */
    private void assertStillSignedInWithoutAnotherRefresh(RaceResult race) {
        SignedInUser onA = a.userInSession(race.cookie()).orElseThrow();
        SignedInUser onB = b.userInSession(race.cookie()).orElseThrow();
        assertThat(onA.tokens().accessToken()).isEqualTo(onB.tokens().accessToken())
                .isNotEqualTo(race.before().tokens().accessToken());
        assertThat(op.isRefreshTokenActive(onA.tokens().refreshToken().orElseThrow())).isTrue();
        clock.advance(Duration.ofMinutes(2)); // past the old access token's expiry and the refresh margin
        assertThat(browser.get(a.url("/protected/")).body()).isEqualTo("node=nodeA;user=alice");
        assertThat(browser.get(b.url("/protected/")).body()).isEqualTo("node=nodeB;user=alice");
        assertThat(op.tokenCalls("refresh_token")).isEqualTo(race.refreshCalls());
    }

    /** Starts on A, completes the callback on B; returns the final page. */
    private HttpResponse<String> signInAcrossNodes(String path) {
        HttpResponse<String> toProvider = browser.get(a.url(path));
        HttpResponse<String> done = browser.get(on(b, BrowserlessClient.location(browser.follow(toProvider))));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        return browser.get(b.url(path));
    }

    /** The load balancer: the public URL sent to one node. */
    private static String on(ClusterNode node, URI publicUrl) {
        assertThat(publicUrl.toString()).startsWith(PUBLIC_ORIGIN);
        return node.origin() + publicUrl.toString().substring(PUBLIC_ORIGIN.length());
    }

    private static String sessionId(String cookieValue) {
        int dot = cookieValue.indexOf('.');
        return dot < 0 ? cookieValue : cookieValue.substring(0, dot);
    }

}
