package dev.imsauth.it.wildfly.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.cluster.ClusterNode;
import dev.imsauth.it.cluster.TwoNodeScenarios;
import dev.imsauth.it.server.SocketBinding;
import dev.imsauth.it.signin.app.MechanismSwitch;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LoopbackPorts;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Two WildFly 39 nodes in {@code standalone-ha}: JGroups over TCP with static discovery (TCPPING) on 127.0.0.1,
 * sessions of the {@code <distributable/>} WAR in Infinispan, the Jakarta Security mechanism route
 * ({@code @ImsAuthenticationMechanismDefinition}), back-channel logouts shared through a datasource on an H2
 * server (src/test/wildfly/configure-ha.cli). No sticky sessions: the test plays the load balancer and sends
 * each request to the node it chooses ({@link TwoNodeScenarios}, shared with it/tomcat's TomcatClusterIT). The
 * provider rotates refresh tokens and refuses a reused one. Started once for the class; the last test kills
 * node 1. Prints the start-up time and the refresh race's numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyClusterIT {
    private static final String CLIENT_ID = "cluster-portal";
    /** Access tokens live 30 s and are refreshed in their last 10 s, so the test can wait for a refresh. */
    private static final Duration LIFETIME = Duration.ofSeconds(30); // the shortest the library accepts
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final Duration LOGOUT_CHECK_INTERVAL = Duration.ofSeconds(1);
    /**
     * FD_SOCK2 listens at the JGroups port plus this and connects to its neighbour's JGroups port plus the same
     * (JGroups' default offset), so the difference must be the same on every node.
     */
    private static final int FD_OFFSET = 100;
    /** Logged by the survivor once the cluster has suspected and excluded the killed node. */
    private static final String NODE1_LEFT = "Node node1 left the cluster";
    private static final String STARTED = "WFLYSRV0025";
    private static final String CHANNEL_CONNECTED = "WFLYCLJG0033";
    /** "WFLYCLJG0033: Connected 'ee' channel. 'node2' joined cluster 'ejb' with view: [node1(…)|1] (2) [node1(…), node2(…)]" */
    private static final String JOINED_NODE1 = "(2) [node1(";
    private static TestOpenIdProvider op;
    private static LogoutDatabase database;
    private static WildFlyNode node1;
    private static WildFlyNode node2;
    private static TwoNodeScenarios scenarios;

    @BeforeAll
    static void startProviderAndCluster() {
        long started = System.nanoTime();
        database = LogoutDatabase.start(WildFlyNode.jbossHome());
        Set<Integer> taken = new HashSet<>();
        int[] jgroups = {reserve(taken), reserve(taken)};
        int[] offsets = {offset(taken), offset(taken)};
        Map<String, String> shared = Map.of("ims.ha.jgroups.peer1", String.valueOf(jgroups[0]),
                "ims.ha.jgroups.peer2", String.valueOf(jgroups[1]), "ims.ha.logout-db.url", database.url());
        op = TestOpenIdProvider.start().setAccessTokenLifetime(LIFETIME);
        // the load balancer's public origin: node 2's port on "localhost", so a real browser's callback lands there
        String publicOrigin = "http://localhost:" + WildFlyNode.httpPort(offsets[1]);
        WebArchive war = war(publicOrigin);
        WildFlyNode[] nodes = new WildFlyNode[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> properties = new LinkedHashMap<>(shared);
            properties.put("ims.ha.jgroups.port", String.valueOf(jgroups[i]));
            properties.put("ims.ha.jgroups.fd.port", String.valueOf(jgroups[i] + FD_OFFSET));
            nodes[i] = WildFlyNode.prepare("node" + (i + 1), offsets[i], properties, war);
        }
        node1 = nodes[0];
        node2 = nodes[1];
        op.registerClient(CLIENT_ID, null, publicOrigin + WildFlyNode.CONTEXT + "/signin-oidc");
        scenarios = new TwoNodeScenarios("wildfly cluster", op, publicOrigin, WildFlyNode.CONTEXT,
                new NodeThatIsMissed(node1, node2), node2, LIFETIME, MARGIN);
        // node 2 starts once node 1 has formed the cluster (its JGroups channel connected), so that node 2 joins
        // it rather than forming a second one that JGroups would have to merge later
        node1.start();
        node1.awaitLog(Duration.ofMinutes(3), CHANNEL_CONNECTED);
        node2.start();
        node1.awaitUp(Duration.ofMinutes(3), STARTED);
        node2.awaitUp(Duration.ofMinutes(3), STARTED, JOINED_NODE1);
        System.out.printf("[wildfly cluster] two nodes up and joined in %d ms (port offsets %d and %d)%n",
                (System.nanoTime() - started) / 1_000_000, offsets[0], offsets[1]);
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[] {node1, node2, database, op}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.out.println("[wildfly cluster] stopping: " + e);
            }
        }
    }

    @Test
    @Order(0)
    void inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser() {
        scenarios.inARealBrowserASignInStartedOnNode1FinishesOnNode2AndNode1KnowsTheUser();
    }

    @Test
    @Order(1)
    void aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes() {
        scenarios.aSignInStartedOnNode1FinishesOnNode2AndRequestsAlternateBetweenTheNodes();
    }

    @Test
    @Order(2)
    void aSignOutOnOneNodeIsSeenOnTheOther() {
        scenarios.aSignOutOnOneNodeIsSeenOnTheOther();
    }

    /**
     * The provider's back-channel call reaches node 1; the user's next requests go to node 2, which learns of
     * the logout from the shared records (ims.logout-store-datasource) within ims.logout-check-interval.
     */
    @Test
    @Order(3)
    void aBackChannelLogoutReceivedByNode1EndsTheSessionOnNode2() throws InterruptedException {
        BrowserlessClient browser = new BrowserlessClient();
        scenarios.signInAcrossNodes(browser, "/protected/");
        String logoutToken = op.logoutTokens(CLIENT_ID).valid("alice", op.sessionId("alice").orElseThrow());
        HttpResponse<String> call = new BrowserlessClient().post(node1.url("/backchannel-logout"),
                "logout_token=" + logoutToken, Map.of());
        assertThat(call.statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + LOGOUT_CHECK_INTERVAL.multipliedBy(10).toNanos();
        HttpResponse<String> onNode2;
        do { // signed in for at most the check interval
            Thread.sleep(LOGOUT_CHECK_INTERVAL.toMillis() / 2);
            onNode2 = browser.get(node2.url("/protected/after-logout"));
        } while (onNode2.statusCode() == 200 && System.nanoTime() < deadline);
        assertThat(onNode2.statusCode()).as("node 2 ended the session").isEqualTo(302);
        assertThat(BrowserlessClient.location(onNode2).toString()).startsWith(op.issuer() + "/connect/authorize");
    }

    @Test
    @Order(4)
    void fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn() throws Exception {
        scenarios.fiftyConcurrentRequestsOnEachNodeInTheRefreshMarginKeepTheUserSignedIn();
    }

    @Test
    @Order(5)
    void whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere() {
        scenarios.whenNode1DiesTheUserStaysSignedInOnNode2AndIsRefreshedThere();
    }

    /** A free JGroups port whose failure-detection port (FD_OFFSET higher) is free too. */
    private static int reserve(Set<Integer> taken) {
        int port;
        do {
            port = LoopbackPorts.freeToBindLater();
        } while (taken.contains(port) || taken.contains(port + FD_OFFSET) || !LoopbackPorts.isFree(port + FD_OFFSET)
                || port + FD_OFFSET >= LoopbackPorts.FIRST_EPHEMERAL_PORT);
        taken.add(port);
        taken.add(port + FD_OFFSET);
        return port;
    }

    /** A port offset at which every port WildFly moves is free and none is one the other node takes. */
    private static int offset(Set<Integer> taken) {
        List<SocketBinding> bindings = WildFlyNode.bindings();
        int offset = SocketBinding.freeOffset(bindings, port -> !taken.contains(port),
                "free some ports below " + LoopbackPorts.FIRST_EPHEMERAL_PORT);
        bindings.stream().filter(binding -> !binding.fixed()).forEach(binding -> taken.add(binding.port(offset)));
        return offset;
    }

    /**
     * Node 1 for the scenarios: killing it returns once node 2 has seen it leave the cluster. Until then a write
     * to a session that node 1 also owns waits for node 1's answer (and the session's lock).
     */
    private record NodeThatIsMissed(WildFlyNode node, WildFlyNode survivor) implements ClusterNode {
        @Override
        public String origin() {
            return node.origin();
        }

        @Override
        public String url(String path) {
            return node.url(path);
        }

        @Override
        public void kill() {
            long killed = System.nanoTime();
            node.kill();
            survivor.awaitLog(Duration.ofMinutes(1), NODE1_LEFT);
            System.out.printf("[wildfly cluster failover] node 2 saw node 1 leave %d ms after the kill%n",
                    (System.nanoTime() - killed) / 1_000_000);
        }
    }

    /** The mechanism route in a distributable WAR, calling back at the public origin. */
    private static WebArchive war(String publicOrigin) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.issuer", op.issuer());
        settings.put("ims.client-id", CLIENT_ID);
        settings.put("ims.redirect-uri", publicOrigin + WildFlyNode.CONTEXT + "/signin-oidc");
        settings.put("ims.allow-insecure-loopback", "true");
        settings.put("ims.refresh-margin", MARGIN.toSeconds() + "s");
        settings.put("ims.logout-store-datasource", "java:jboss/datasources/ImsLogoutDS");
        settings.put("ims.logout-check-interval", LOGOUT_CHECK_INTERVAL.toSeconds() + "s");
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <distributable/>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>signed-in users</web-resource-name>
                      <url-pattern>/protected/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                </web-app>
                """;
        return LibraryArchive.addImsAuth(ShrinkWrap.create(WebArchive.class, "app.war")
                .addClasses(PageServlet.class, MechanismSwitch.class)
                .setWebXML(new StringAsset(webXml))
                // WEB-INF/distributable-web.xml: one cache entry per attribute, the signed-in user immutable
                .addAsWebInfResource(Path.of("src", "test", "wildfly", "distributable-web.xml").toFile(),
                        "distributable-web.xml")
                .addAsResource(new StringAsset(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n"))), "META-INF/microprofile-config.properties"));
    }
}
