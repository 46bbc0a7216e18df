package dev.imsauth.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.server.StartupLog;
import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a Tomcat operator sees around a filter WAR's life, read from Tomcat's own log files under
 * {@code target/apache-tomcat-…/logs}:
 * <ul>
 * <li>the access log, written with the pattern docs/tomcat.md gives ({@code %m %U %H} instead of {@code %r},
 *     see src/test/tomcat/conf/server.xml), records the sign-in callback without its query, so no
 *     authorization code;</li>
 * <li>undeploying the WAR leaves no thread the library started: Tomcat's leak check logs no
 *     "appears to have started a thread named [HttpClient-…]" (it did before the filter released its HTTP
 *     client at {@code destroy()}).</li>
 * </ul>
 * The WAR is deployed and undeployed by the test itself, so the log can be read after the undeploy.
 */
@ExtendWith(ArquillianExtension.class)
class TomcatLifecycleIT {
    private static final String NAME = "lifecycle";
    private static final Duration LOG_WAIT = Duration.ofSeconds(60);
    private static final TestOpenIdProvider OP = TestOpenIdProvider.start();
    private static final Path LOGS = Path.of(System.getProperty("ims.it.catalina.home"), "logs");

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = SignInArchive.imsSettings(OP.issuer());
        return LibraryArchive.addImsAuth(ShrinkWrap.create(WebArchive.class, NAME + ".war")
                .addClass(PageServlet.class)
                .setWebXML(TomcatFilterIT.filterWebXml(settings)));
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @Test
    void theAccessLogKeepsNoCodeAndAnUndeployLeavesNoLibraryThreadBehind() {
        String base = "http://127.0.0.1:" + System.getProperty("ims.it.tomcat.http.port") + "/" + NAME + "/";
        OP.registerClient(SignInArchive.CLIENT_ID, null, base + "signin-oidc");
        StartupLog catalina = StartupLog.mark(LOGS, f -> f.startsWith("catalina."));
        StartupLog access = StartupLog.mark(LOGS, f -> f.startsWith("localhost_access_log."));
        deployer.deploy(NAME);
        try {
            BrowserlessClient browser = new BrowserlessClient();
            HttpResponse<String> page = browser.follow(browser.signIn(base + "protected/page?x=1"));
            assertThat(page.body()).startsWith("page=/" + NAME + "/protected/page?x=1 principal=alice@example.com");
            String code = OP.requests("/connect/token").get(0).first("code");

            List<String> callbacks = await("access log", access,
                    l -> l.contains("/" + NAME + "/signin-oidc"));
            assertThat(callbacks).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("code=")
                    .doesNotContain("state=").doesNotContain(code).contains("GET /" + NAME + "/signin-oidc HTTP/1.1"));
            assertThat(await("catalina log", catalina, l -> l.contains("ims-auth filter started")
                    && l.contains("/" + NAME + "/signin-oidc"))).singleElement()
                    .satisfies(l -> assertThat(l).contains("discovery succeeded"));
        } finally {
            deployer.undeploy(NAME);
        }
        await("catalina log", catalina, l -> l.contains("Undeploying context [/" + NAME + "]"));
        assertThat(catalina.newLines(l -> l.contains("web application [" + NAME + "] appears to have started a thread")))
                .as("Tomcat's leak check after the undeploy").isEmpty();
    }

    /**
     * docs/operations.md: {@code dev.imsauth.level = FINE} in conf/logging.properties (the build adds it with
     * src/test/tomcat/enable-debug-logging.sh) shows the library's DEBUG lines in catalina.*.log, and none of
     * them holds the code, the verifier or a token.
     */
    @Test
    void theDebugLevelFromLoggingPropertiesShowsTheFlowWithoutSecrets() {
        String base = "http://127.0.0.1:" + System.getProperty("ims.it.tomcat.http.port") + "/" + NAME + "/";
        OP.registerClient(SignInArchive.CLIENT_ID, null, base + "signin-oidc");
        StartupLog catalina = StartupLog.mark(LOGS, f -> f.startsWith("catalina."));
        deployer.deploy(NAME);
        try {
            OP.clearRequests();
            BrowserlessClient browser = new BrowserlessClient();
            assertThat(browser.follow(browser.signIn(base + "protected/page")).statusCode()).isEqualTo(200);
            var token = OP.requests("/connect/token").get(0);

            List<String> debug = await("catalina log", catalina, l -> l.contains(" FINE ") && l.contains("dev.imsauth.")
                    && l.contains("Sign-in completed for subject alice"));
            assertThat(debug).isNotEmpty();
            assertThat(catalina.newLines(l -> l.contains("dev.imsauth."))).allSatisfy(l -> assertThat(l)
                    .doesNotContain(token.first("code")).doesNotContain(token.first("code_verifier")).doesNotContain("eyJ"));
        } finally {
            deployer.undeploy(NAME);
        }
    }

    /** The lines the log gained since its mark that match, once there is at least one. */
    private static List<String> await(String what, StartupLog log, Predicate<String> match) {
        Instant until = Instant.now().plus(LOG_WAIT);
        while (true) {
            List<String> found = log.newLines(match);
            if (!found.isEmpty()) {
                return found;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("nothing expected appeared in Tomcat's " + what + " within " + LOG_WAIT);
            }
            try {
                Thread.sleep(250); // Tomcat writes its logs asynchronously (AsyncFileHandler, buffered access log)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
