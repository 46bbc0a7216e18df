package dev.imsauth.it.tomcat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ConcurrentRequests;
import dev.imsauth.testsupport.LoopbackPorts;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Tomcat 10.1 nodes in a {@code SimpleTcpCluster} with the {@code DeltaManager}, static membership
 * over TCP on 127.0.0.1 and synchronous replication (src/test/tomcat/cluster/server.xml), the filter
 * route in a {@code <distributable/>} WAR, no sticky sessions: the test plays the load balancer and sends
 * each request to the node it chooses, the provider redirecting to the public callback URL. The provider
 * rotates refresh tokens and refuses a reused one. Started once for the class; the last test kills node 1.
 * Prints the start-up time and the refresh race's numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatClusterIT {
    /** The load balancer's public origin: node 2's port on "localhost", so a real browser's callback lands there. */
    private static String publicOrigin;
    private static final String CLIENT_ID = "cluster-portal";
    /**
     * Access tokens live 30 s, the shortest the library accepts (ProviderBounds), and are refreshed in their last
     * 15 s, the most the library allows for so short a token (half its lifetime): the refresh test waits 16 s.
     */
    private static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final Duration MARGIN = LIFETIME.dividedBy(2);
    private static final String MEMBER_ADDED = "Replication member added";
    private static TestOpenIdProvider op;
    private static TomcatNode node1;
    private static TomcatNode node2;

    @BeforeAll
    static void startProviderAndCluster() {
        long started = System.nanoTime();
        int[] http = {LoopbackPorts.freeToBindLater(), LoopbackPorts.freeToBindLater()};
        int[] receivers = {LoopbackPorts.freeToBindLater(), LoopbackPorts.freeToBindLater()};
        String[] ids = {"{1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1}", "{2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2}"};
        publicOrigin = "http://localhost:" + http[1];
        op = TestOpenIdProvider.start().setAccessTokenLifetime(LIFETIME);
        op.registerClient(CLIENT_ID, null, publicOrigin + TomcatNode.CONTEXT + "/signin-oidc");
        WebArchive war = war();
        node1 = TomcatNode.prepare("node1", members(http, receivers, ids, 0), war);
        node2 = TomcatNode.prepare("node2", members(http, receivers, ids, 1), war);
        // one after the other, as a cluster is started: two DeltaManagers starting at once each ask the other
        // for its sessions before either can answer, and one then waits out the 60 s state-transfer timeout
        node1.start();
        node1.awaitUp(Duration.ofMinutes(3), "Server startup in");
        node2.start();
        node2.awaitUp(Duration.ofMinutes(3), MEMBER_ADDED);
        node1.awaitUp(Duration.ofMinutes(1), MEMBER_ADDED);
        System.out.printf("[tomcat cluster] two nodes up and joined in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[] {node1, node2, op}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.out.println("[tomcat cluster] stopping: " + e);
            }
        }
    }

    /**
     * The same in headless Chromium: the page asked on node 1, the provider's redirect to the public
     * callback (node 2 here), the page on node 2, then node 1 again with the same cookie.
     */
    @Test
    @Order(0)
    void inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser() {
        String node1Page = "http://localhost:" + URI.create(node1.origin()).getPort() + TomcatNode.CONTEXT;
        try (BrowserSession browser = BrowserSession.start("TomcatClusterIT")) {
            browser.open(URI.create(node1Page + "/protected/report?id=7"));
            browser.waitForPath(TomcatNode.CONTEXT + "/protected/report");
            assertThat(browser.currentUri().getPort()).as("finished on node 2").isEqualTo(URI.create(publicOrigin).getPort());
            assertThat(browser.pageText()).contains("page=/app/protected/report?id=7").contains("principal=alice");

            browser.open(URI.create(node1Page + "/protected/next"));
            assertThat(browser.currentUri().getPort()).isEqualTo(URI.create(node1.origin()).getPort());
            assertThat(browser.pageText()).contains("page=/app/protected/next").contains("principal=alice");
        }
        assertThat(op.authorizeCalls()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes() {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/report?id=7");
        for (int i = 0; i < 6; i++) {
            TomcatNode node = i % 2 == 0 ? node1 : node2;
            HttpResponse<String> page = browser.get(node.url("/protected/report?id=" + i));
            assertThat(page.statusCode()).as("on %s", node).isEqualTo(200);
            assertThat(page.body()).contains("principal=alice");
        }
        assertThat(op.tokenCalls("authorization_code")).isPositive();
    }

    @Test
    @Order(2)
    void aSignOutOnOneNodeIsSeenOnTheOther() {
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

    @Test
    @Order(3)
    void fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn() throws Exception {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/");
        String cookie = browser.sessionId(node1.origin()).orElseThrow();
        Thread.sleep(LIFETIME.minus(MARGIN).plusSeconds(1).toMillis()); // idle until the token is in the margin
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
        assertThat(answers).allSatisfy(r -> assertThat(r.body()).contains("principal=alice"));
        int refreshes = op.tokenCalls("refresh_token") - refreshesBefore;
        System.out.printf("[tomcat cluster refresh race] 2 nodes x 50 concurrent requests in the refresh margin: "
                + "statuses %s, %d refresh calls, %d ms%n", statuses, refreshes, (System.nanoTime() - started) / 1_000_000);
        assertThat(statuses).containsOnlyKeys(200);
        assertThat(refreshes).isBetween(1, 2);
        int after = op.tokenCalls("refresh_token");
        assertThat(browser.get(node1.url("/protected/after")).body()).contains("principal=alice");
        assertThat(browser.get(node2.url("/protected/after")).body()).contains("principal=alice");
        assertThat(op.tokenCalls("refresh_token")).as("both nodes hold the new tokens").isEqualTo(after);
    }

    @Test
    @Order(4)
    void whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere() {
        BrowserlessClient browser = new BrowserlessClient();
        signInAcrossNodes(browser, "/protected/");
        assertThat(browser.get(node1.url("/protected/a")).body()).contains("principal=alice");
        assertThat(browser.get(node2.url("/protected/b")).body()).contains("principal=alice");

        node1.kill();
        assertThat(browser.get(node2.url("/protected/after-crash")).body()).as("no new sign-in")
                .contains("principal=alice");

        int refreshesBefore = op.tokenCalls("refresh_token");
        int authorizeBefore = op.authorizeCalls();
        long deadline = System.nanoTime() + LIFETIME.plus(MARGIN).toNanos();
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
    private static void signInAcrossNodes(BrowserlessClient browser, String path) {
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
    private static String on(TomcatNode node, URI publicUrl) {
        assertThat(publicUrl.toString()).startsWith(publicOrigin);
        return node.origin() + publicUrl.toString().substring(publicOrigin.length());
    }

    private static Map<String, String> members(int[] http, int[] receivers, String[] ids, int self) {
        return Map.of("HTTP_PORT", String.valueOf(http[self]),
                "RECEIVER_PORT", String.valueOf(receivers[self]), "LOCAL_ID", ids[self],
                "PEER_PORT", String.valueOf(receivers[1 - self]), "PEER_ID", ids[1 - self]);
    }

    /** The filter route in a distributable WAR, calling back at the public origin. */
    private static WebArchive war() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.issuer", op.issuer());
        settings.put("ims.client-id", CLIENT_ID);
        settings.put("ims.redirect-uri", publicOrigin + TomcatNode.CONTEXT + "/signin-oidc");
        settings.put("ims.allow-insecure-loopback", "true");
        settings.put("ims.public-paths", "/public/*");
        settings.put("ims.refresh-margin", MARGIN.toSeconds() + "s");
        String initParams = settings.entrySet().stream()
                .map(e -> "<init-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></init-param>")
                .collect(Collectors.joining("\n      "));
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <distributable/>
                  <filter>
                    <filter-name>ims-auth</filter-name>
                    <filter-class>dev.imsauth.servlet.ImsAuthFilter</filter-class>
                      %s
                  </filter>
                  <filter-mapping>
                    <filter-name>ims-auth</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                </web-app>
                """.formatted(initParams);
        return LibraryArchive.addImsAuth(ShrinkWrap.create(WebArchive.class, "app.war")
                .addClass(PageServlet.class).setWebXML(new StringAsset(webXml)));
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
