package dev.imsauth.it.tomcat9;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.tomcat9.app.ITwinServlet;
import dev.imsauth.it.tomcat9.app.PageServlet;
import dev.imsauth.it.tomcat9.app.ServiceTokenServlet;
import dev.imsauth.it.tomcat9.app.TokenServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The legacy portal that the Tomcat 9 tests deploy, built the way docs/tomcat9.md tells a user to: the javax
 * artifact ({@code dev.imsauth:ims-auth}, classifier {@code javax}) and its dependencies in WEB-INF/lib, the
 * javax {@code web.xml} and {@code META-INF/context.xml} of {@code src/test/portal}, and four servlets. Its
 * settings reach Tomcat's process as environment variables (see pom.xml), the issuer among them: the test
 * OpenID provider listens on a port reserved by the build ({@code ims.it.op.port}), so that the environment
 * can name it before Tomcat starts.
 *
 * <p>Public for other modules that add this folder as a test source (as it/tomcat adds it/common) to run the
 * same WAR against another provider: they declare the javax artifact in their pom and set the system
 * properties {@code ims.it.portal.dir}, {@code ims.it.client-id} and {@code ims.it.client-secret}.
 */
public final class Tomcat9Portal {

    public static final String CLIENT_ID = System.getProperty("ims.it.client-id");
    public static final String CLIENT_SECRET = System.getProperty("ims.it.client-secret");
    /** The artifact a Tomcat 9 user adds; its version comes from this module's pom. */
    public static final String JAVAX_ARTIFACT = "dev.imsauth:ims-auth:jar:javax:?";

    public static final TestUser ALICE = new TestUser("alice", "Alice Example", "alice@example.com", List.of("user"), Map.of());
    public static final TestUser BOB = new TestUser("bob", "Bob Admin", "bob@example.com", List.of("admin", "user"), Map.of());

    private Tomcat9Portal() {
    }

    /** The provider on the reserved port, with alice (user) and bob (admin, user). */
    public static TestOpenIdProvider startProvider() {
        int port = Integer.parseInt(System.getProperty("ims.it.op.port"));
        return TestOpenIdProvider.start(port).addUser(ALICE).addUser(BOB).setDefaultUser(ALICE);
    }

    /** The fake iTwin API on the reserved port ({@code IMS_API_BASE_URL}), taking the provider's tokens. */
    public static FakeITwinApi startITwinApi(TestOpenIdProvider op) {
        return FakeITwinApi.start(Integer.parseInt(System.getProperty("ims.it.api.port")), op::introspect);
    }

    public static WebArchive war() {
        Path portal = Path.of(System.getProperty("ims.it.portal.dir"));
        return ShrinkWrap.create(WebArchive.class, "portal.war")
                .addClasses(PageServlet.class, TokenServlet.class, ServiceTokenServlet.class, ITwinServlet.class)
                .setWebXML(portal.resolve("WEB-INF/web.xml").toFile())
                .addAsManifestResource(portal.resolve("META-INF/context.xml").toFile(), "context.xml")
                .addAsWebResource(portal.resolve("index.html").toFile(), "index.html")
                .addAsLibraries(javaxLibraries());
    }

    /** The javax jar and its runtime dependencies (Nimbus …), as Maven puts them into a user's WAR. */
    public static File[] javaxLibraries() {
        return Maven.resolver().loadPomFromFile("pom.xml").resolve(JAVAX_ARTIFACT).withTransitivity().asFile();
    }

    /** Registers the deployed portal (redirect URI, post-logout URI) as the confidential client. */
    public static void register(TestOpenIdProvider op, URL base) {
        op.registerClient(CLIENT_ID, CLIENT_SECRET, url(base, "signin-oidc"));
        op.registerPostLogoutRedirectUri(CLIENT_ID, url(base, ""));
        op.faults().reset();
        op.clearRequests();
    }

    /** A fresh browserless client, signed in as {@code user} (chosen at the provider with login_hint). */
    public static BrowserlessClient signedIn(URL base, TestUser user) {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(url(base, "protected/page"));
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        HttpResponse<String> toCallback = browser.get(BrowserlessClient.location(toProvider)
                + "&login_hint=" + user.subject());
        HttpResponse<String> back = browser.follow(toCallback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(browser.follow(back).statusCode()).isEqualTo(200);
        return browser;
    }

    /** The token in a servlet's {@code … token=<token>} report. */
    public static String token(String report) {
        assertThat(report).contains(" token=");
        return report.substring(report.indexOf(" token=") + " token=".length());
    }

    /** An absolute URL in the portal. */
    public static String url(URL base, String relative) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root : root + "/") + relative;
    }
}
