package dev.imsauth.it.tomcat.cluster;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.cluster.TwoNodeScenarios;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.testsupport.LoopbackPorts;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * Prints the start-up time and the refresh race's numbers. The scenarios are shared with it/wildfly-ha
 * ({@link TwoNodeScenarios}).
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

    private static TwoNodeScenarios scenarios() {
        return new TwoNodeScenarios("tomcat cluster", op, publicOrigin, TomcatNode.CONTEXT, node1, node2, LIFETIME, MARGIN);
    }

    @Test
    @Order(0)
    void inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser() {
        scenarios().inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser();
    }

    @Test
    @Order(1)
    void aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes() {
        scenarios().aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes();
    }

    @Test
    @Order(2)
    void aSignOutOnOneNodeIsSeenOnTheOther() {
        scenarios().aSignOutOnOneNodeIsSeenOnTheOther();
    }

    @Test
    @Order(3)
    void fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn() throws Exception {
        scenarios().fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn();
    }

    @Test
    @Order(4)
    void whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere() {
        scenarios().whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere();
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
}
