package dev.imsauth.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.event.SessionIds;
import dev.imsauth.event.jmx.ImsAuthMBeans;
import dev.imsauth.it.events.EventsArchive;
import dev.imsauth.it.events.app.AuditListener;
import dev.imsauth.it.events.app.ServiceLoadedAuditListener;
import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/events.md on the filter route, on Tomcat 10.1: one listener named in the filter's {@code ims.event-listeners}
 * init-param and one in {@code META-INF/services/dev.imsauth.event.ImsAuthEventListener} both see a sign-in made in
 * headless Chromium; the counters MBean {@code dev.imsauth:type=ImsAuth,context=/events} shows it over Tomcat's JMX
 * port, and a reload of the application leaves exactly one, fresh, MBean (the old one was unregistered).
 */
@ExtendWith(ArquillianExtension.class)
class TomcatEventsIT {
    private static final TestUser ALICE = new TestUser("alice", "Alice Example", "alice@example.com", List.of("user"),
            Map.of());
    private static final TestOpenIdProvider OP = TestOpenIdProvider.start().addUser(ALICE).setDefaultUser(ALICE);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = SignInArchive.imsSettings(OP.issuer());
        settings.put("ims.public-paths", "/public/*");
        settings.put("ims.event-listeners", AuditListener.class.getName());
        WebArchive war = SignInArchive.create("events.war", OP.issuer(), Map.of())
                .setWebXML(TomcatFilterIT.filterWebXml(settings));
        EventsArchive.withAuditTrail(war, List.of(AuditListener.class), List.of(ServiceLoadedAuditListener.class));
        return TomcatArchive.withCdiAndJaxRs(war);
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @BeforeEach
    void registerTheApplication() {
        OP.registerClient(SignInArchive.CLIENT_ID, null, url("signin-oidc"));
    }

    @Test
    void bothListenersAndTheJmxCountersSeeASignInMadeInChromium() throws Exception {
        String cookie = EventsArchive.signInInChromium("TomcatEventsIT", url("protected/page"),
                "principal=alice@example.com");

        List<String> audit = EventsArchive.audit(url("public/audit"));
        String expected = " SIGNED_IN subject=alice session=" + SessionIds.hash(cookie) + " reason=ok";
        assertThat(audit).contains("init-param" + expected, "service-loader" + expected);
        assertThat(String.join("\n", audit)).doesNotContain(cookie);

        try (JMXConnector jmx = connect()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName name = ImsAuthMBeans.name("/events");
            assertThat((Long) server.getAttribute(name, "SignIns")).isGreaterThanOrEqualTo(1L);
            assertThat(counts(server, name)).containsKey("signed_in/ok");
        }
    }

    @Test
    void aReloadedApplicationHasOneFreshMBean() throws Exception {
        BrowserlessClient browser = new BrowserlessClient();
        assertThat(browser.follow(browser.signIn(url("protected/page"))).statusCode()).isEqualTo(200);
        ObjectName name = ImsAuthMBeans.name("/events");
        try (JMXConnector jmx = connect()) {
            assertThat((Long) jmx.getMBeanServerConnection().getAttribute(name, "SignIns")).isGreaterThanOrEqualTo(1L);
        }

        reload("/events");

        try (JMXConnector jmx = connect()) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertThat(server.queryNames(new ObjectName("dev.imsauth:type=ImsAuth,*"), null)).containsExactly(name);
            assertThat((Long) server.getAttribute(name, "SignIns")).as("the new deployment's counters").isZero();
        }
    }

    private static JMXConnector connect() throws Exception {
        String port = System.getProperty(TomcatServer.JMX_PORT);
        return JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
    }

    private static Map<String, Long> counts(MBeanServerConnection server, ObjectName name) throws Exception {
        TabularData table = (TabularData) server.getAttribute(name, "Counts");
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            out.put((String) data.get("key"), (Long) data.get("value"));
        }
        return out;
    }

    /** Reloads the application through Tomcat's manager (the text interface Arquillian deploys with). */
    private void reload(String contextPath) throws Exception {
        String auth = Base64.getEncoder().encodeToString("arquillian:arquillian".getBytes(StandardCharsets.UTF_8));
        URI manager = URI.create(base.getProtocol() + "://" + base.getAuthority() + "/manager/text/reload?path=" + contextPath);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(manager)
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).startsWith("OK");
    }

    private String url(String relative) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root : root + "/") + relative;
    }
}
