package dev.imsauth.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
        int catalinaBefore = lines("catalina.", 0).size();
        int accessBefore = lines("localhost_access_log.", 0).size();
        deployer.deploy(NAME);
        try {
            BrowserlessClient browser = new BrowserlessClient();
            HttpResponse<String> page = browser.follow(browser.signIn(base + "protected/page?x=1"));
            assertThat(page.body()).startsWith("page=/" + NAME + "/protected/page?x=1 principal=alice@example.com");
            String code = OP.requests("/connect/token").get(0).first("code");

            List<String> callbacks = await("access log", "localhost_access_log.", accessBefore,
                    l -> l.contains("/" + NAME + "/signin-oidc"));
            assertThat(callbacks).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("code=")
                    .doesNotContain("state=").doesNotContain(code).contains("GET /" + NAME + "/signin-oidc HTTP/1.1"));
            assertThat(await("catalina log", "catalina.", catalinaBefore, l -> l.contains("ims-auth filter started")
                    && l.contains("/" + NAME + "/signin-oidc"))).singleElement()
                    .satisfies(l -> assertThat(l).contains("discovery succeeded"));
        } finally {
            deployer.undeploy(NAME);
        }
        await("catalina log", "catalina.", catalinaBefore, l -> l.contains("Undeploying context [/" + NAME + "]"));
        assertThat(lines("catalina.", catalinaBefore)).as("Tomcat's leak check after the undeploy")
                .noneMatch(l -> l.contains("web application [" + NAME + "] appears to have started a thread"));
    }

    /** The lines (after the first {@code skip}) of the logs starting with {@code prefix} that match, once there is one. */
    private static List<String> await(String what, String prefix, int skip, Predicate<String> match) {
        Instant until = Instant.now().plus(LOG_WAIT);
        while (true) {
            List<String> found = lines(prefix, skip).stream().filter(match).toList();
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

    /** The lines of the log files whose names start with {@code prefix}, oldest file first, without the first {@code skip}. */
    private static List<String> lines(String prefix, int skip) {
        try (Stream<Path> files = Files.list(LOGS)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted()
                    .flatMap(TomcatLifecycleIT::read).skip(skip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
