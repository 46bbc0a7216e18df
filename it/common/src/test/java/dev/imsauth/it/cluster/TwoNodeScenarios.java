package dev.imsauth.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ConcurrentRequests;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The failover scenarios both container clusters run (it/tomcat's TomcatClusterIT, it/wildfly-ha's
 * WildFlyClusterIT): the test plays a load balancer without stickiness and sends each request to the node it
 * chooses; the provider redirects to the public callback URL, which is node 2's port on "localhost". The
 * application shows {@code /protected/*} to signed-in users only as {@code page=… principal=…} and answers
 * {@code /logout} as ims-auth does. The provider rotates refresh tokens and refuses a reused one.
 *
 * @param label      what the printed measurements are called, e.g. "tomcat cluster"
 * @param publicOrigin the load balancer's origin: {@code http://localhost:<node 2's port>}
 * @param context    the application's context path, e.g. "/app"
 * @param lifetime   the provider's access-token lifetime
 * @param margin     the application's {@code ims.refresh-margin}
 */
public record TwoNodeScenarios(String label, TestOpenIdProvider op, String publicOrigin, String context,
        ClusterNode node1, ClusterNode node2, Duration lifetime, Duration margin) {

    /**
     * In headless Chromium: a protected page asked on node 1, the provider's redirect to the public callback
     * (node 2), the page on node 2, then node 1 again with the same cookie.
     */
    public void inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser() {
        String node1Page = "http://localhost:" + URI.create(node1.origin()).getPort() + context;
        int authorizeBefore = op.authorizeCalls();
        try (BrowserSession browser = BrowserSession.start(label.replace(' ', '-'))) {
            browser.open(URI.create(node1Page + "/protected/report?id=7"));
            browser.waitForPath(context + "/protected/report");
            assertThat(browser.currentUri().getPort()).as("finished on node 2").isEqualTo(URI.create(publicOrigin).getPort());
            assertThat(browser.pageText()).contains("page=" + context + "/protected/report?id=7").contains("principal=alice");

            browser.open(URI.create(node1Page + "/protected/next"));
            assertThat(browser.currentUri().getPort()).isEqualTo(URI.create(node1.origin()).getPort());
            assertThat(browser.pageText()).contains("page=" + context + "/protected/next").contains("principal=alice");
        }
        assertThat(op.authorizeCalls() - authorizeBefore).isEqualTo(1);
    }

    /** Signs in across the nodes, then six requests alternate between them. */
    public void aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes() {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/report?id=7");
        for (int i = 0; i < 6; i++) {
            ClusterNode node = i % 2 == 0 ? node1 : node2;
            HttpResponse<String> page = browser.get(node.url("/protected/report?id=" + i));
            assertThat(page.statusCode()).as("on %s", node).isEqualTo(200);
            assertThat(page.body()).contains("principal=alice");
        }
        assertThat(op.tokenCalls("authorization_code")).isPositive();
    }

    /** A sign-out (POST /logout) on node 2; node 1 then sends the old session cookie to sign in again. */
    public void aSignOutOnOneNodeIsSeenOnTheOther() {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/");
        String cookie = browser.sessionId(node1.origin()).orElseThrow();

        HttpResponse<String> out = browser.post(node2.url("/logout"), "", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(out).getPath()).isEqualTo("/connect/endsession");

        HttpResponse<String> onNode1 = new BrowserlessClient().get(node1.url("/protected/"),
                Map.of("Cookie", "JSESSIONID=" + cookie, "Accept", "text/html"));
        assertThat(onNode1.statusCode()).as("node 1 no longer knows the session").isEqualTo(302);
        assertThat(BrowserlessClient.location(onNode1).toString()).startsWith(op.issuer() + "/connect/authorize");
    }

    /**
     * 50 concurrent requests on each node once the access token is in the refresh margin, refresh answers
     * delayed 400 ms so that both nodes' refreshes are under way together: all 200, at most 2 refresh calls,
     * and both nodes then hold the new tokens.
     */
    public void fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn() throws Exception {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/");
        String cookie = browser.sessionId(node1.origin()).orElseThrow();
        Thread.sleep(lifetime.minus(margin).plusSeconds(1).toMillis()); // idle until the token is in the margin
        int refreshesBefore = op.tokenCalls("refresh_token");
        op.faults().tokenDelay(Duration.ofMillis(400)); // both nodes' refreshes under way together
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            urls.add((i % 2 == 0 ? node1 : node2).url("/protected/race"));
        }
        long started = System.nanoTime();
        List<HttpResponse<String>> answers;
        try {
            answers = ConcurrentRequests.get(urls, cookie);
        } finally {
            op.faults().reset();
        }
        Map<Integer, Long> statuses = ConcurrentRequests.statuses(answers);
        int refreshes = op.tokenCalls("refresh_token") - refreshesBefore;
        System.out.printf("[%s refresh race] 2 nodes x 50 concurrent requests in the refresh margin: "
                + "statuses %s, %d refresh calls, %d ms%n", label, statuses, refreshes, (System.nanoTime() - started) / 1_000_000);
        assertThat(answers).allSatisfy(r -> assertThat(r.body()).contains("principal=alice"));
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(refreshes).isBetween(1, 2);
        int after = op.tokenCalls("refresh_token");
        for (ClusterNode node : List.of(node1, node2)) {
            HttpResponse<String> page = browser.get(node.url("/protected/after"));
            assertThat(page.statusCode()).as("after the race on %s", node).isEqualTo(200);
            assertThat(page.body()).contains("principal=alice");
        }
        assertThat(op.tokenCalls("refresh_token")).as("both nodes hold the new tokens").isEqualTo(after);
    }

    /**
     * Node 1 killed mid-session: the user is still signed in on node 2, which refreshes the tokens once the
     * access token is in the refresh margin; never sent to sign in again. Leaves node 1 dead.
     */
    public void whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere() {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/");
        assertThat(browser.get(node1.url("/protected/a")).body()).contains("principal=alice");
        assertThat(browser.get(node2.url("/protected/b")).body()).contains("principal=alice");

        node1.kill();
        long killed = System.nanoTime();
        assertThat(browser.get(node2.url("/protected/after-crash")).body()).as("no new sign-in")
                .contains("principal=alice");
        System.out.printf("[%s failover] first request on node 2 after node 1 was killed answered in %d ms%n",
                label, (System.nanoTime() - killed) / 1_000_000);

        int refreshesBefore = op.tokenCalls("refresh_token");
        int authorizeBefore = op.authorizeCalls();
        long deadline = System.nanoTime() + lifetime.plus(margin).toNanos();
        while (op.tokenCalls("refresh_token") == refreshesBefore && System.nanoTime() < deadline) {
            pause(); // until the access token is within the refresh margin
            HttpResponse<String> page = browser.get(node2.url("/protected/while-waiting"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("principal=alice");
        }
        assertThat(op.tokenCalls("refresh_token")).as("node 2 refreshed the tokens node 1 got").isEqualTo(refreshesBefore + 1);
        assertThat(browser.get(node2.url("/protected/refreshed")).body()).contains("principal=alice");
        assertThat(op.authorizeCalls()).as("never sent to sign in again").isEqualTo(authorizeBefore);
    }

    /** Starts on node 1, finishes the callback on node 2, and opens the page there. */
    public void signInAcrossNodes(BrowserlessClient browser, String path) {
        HttpResponse<String> toProvider = browser.get(node1.url(path));
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        HttpResponse<String> done = browser.get(on(node2, BrowserlessClient.location(browser.follow(toProvider))));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path));
        HttpResponse<String> page = browser.get(node2.url(path));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("principal=alice");
    }

    /** The load balancer: the public URL sent to one node. */
    public String on(ClusterNode node, URI publicUrl) {
        assertThat(publicUrl.toString()).startsWith(publicOrigin);
        return node.origin() + publicUrl.toString().substring(publicOrigin.length());
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
