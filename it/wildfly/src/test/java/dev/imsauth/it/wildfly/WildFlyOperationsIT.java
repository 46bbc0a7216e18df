package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.app.MechanismSwitch;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the operations team does on WildFly, as docs/operations.md tells it: read the readiness of the sign-in
 * at the management interface's {@code /health/ready} (MicroProfile Health, turned on by
 * {@code enable-microprofile-health.cli}), and turn on DEBUG for {@code dev.imsauth} with a logger category
 * added through {@code jboss-cli.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyOperationsIT {
    private static final TestUser ALICE = TestUser.alice();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The provider; replaced by a new one on the same port when a test stops and restarts it. */
    private static TestOpenIdProvider op = TestOpenIdProvider.start().addUser(ALICE).setDefaultUser(ALICE);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> settings = SignInArchive.imsSettings(op.issuer());
        settings.put("ims.health-probe-interval", "0s");
        return SignInArchive.create("operations.war", op.issuer(), settings)
                .addClasses(MechanismSwitch.class)
                .setWebXML(SignInArchive.protectedWebXml());
    }

    @AfterAll
    static void stopProvider() {
        op.close();
    }

    @BeforeEach
    void registerTheApplication() {
        op.registerClient(SignInArchive.CLIENT_ID, null, base + "signin-oidc");
    }

    @Test
    void readinessIsUpWithTheProviderAndDownWithoutIt() throws Exception {
        HttpResponse<String> up = ready();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        Map<String, Object> check = imsAuthCheck(up.body());
        assertThat(check).containsEntry("status", "UP");
        assertThat(data(check)).containsEntry("issuer", op.issuer()).containsEntry("discovery", "ok")
                .containsKey("discovery.last-success");

        int port = URI.create(op.issuer()).getPort();
        op.close();
        HttpResponse<String> down = ready();
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        Map<String, Object> failing = imsAuthCheck(down.body());
        assertThat(failing).containsEntry("status", "DOWN");
        assertThat(data(failing)).containsEntry("discovery", "failing")
                .containsEntry("discovery.last-failure-reason", "provider_unavailable")
                .containsKey("discovery.last-failure");

        op = TestOpenIdProvider.start(port).addUser(ALICE).setDefaultUser(ALICE);
        registerTheApplication();
        HttpResponse<String> back = ready();
        assertThat(back.statusCode()).as("ready again once the provider answers: " + back.body()).isEqualTo(200);
    }

    @Test
    void aLoggerCategoryAddedWithJbossCliShowsDebugLinesOfDevImsauthWithoutSecrets() throws Exception {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        cli("/subsystem=logging/logger=dev.imsauth:add(level=DEBUG)");
        try {
            long before = Files.size(log);
            HttpResponse<String> page = new BrowserlessClient().signIn(base + "protected/page");
            assertThat(page.statusCode()).isEqualTo(302);
            String written = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).substring((int) before);
            List<String> debug = written.lines().filter(l -> l.contains("DEBUG [dev.imsauth.")).toList();
            assertThat(debug).as("DEBUG lines of dev.imsauth in server.log").isNotEmpty()
                    .anySatisfy(l -> assertThat(l).contains("Sign-in completed for subject alice"));
            RecordedRequest token = op.requests(ProviderPaths.TOKEN).get(op.requests(ProviderPaths.TOKEN).size() - 1);
            assertThat(written).doesNotContain(token.first("code")).doesNotContain(token.first("code_verifier"))
                    .doesNotContain("eyJ");
        } finally {
            cli("/subsystem=logging/logger=dev.imsauth:remove");
        }
    }

    /** Runs one jboss-cli.sh command against the running server, as an operator would. */
    private static void cli(String command) throws IOException, InterruptedException {
        String home = System.getProperty("jboss.home");
        ProcessBuilder pb = new ProcessBuilder("sh", home + "/bin/jboss-cli.sh", "--connect",
                "--controller=127.0.0.1:" + managementPort(), "--command=" + command).redirectErrorStream(true);
        pb.environment().put("JBOSS_HOME", home);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static int managementPort() {
        return 9990 + Integer.parseInt(System.getProperty(WildFlyServer.OFFSET));
    }

    private static HttpResponse<String> ready() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> imsAuthCheck(String body) throws java.text.ParseException {
        List<Object> checks = (List<Object>) JSONObjectUtils.parse(body).get("checks");
        return checks.stream().map(c -> (Map<String, Object>) c).filter(c -> "ims-auth".equals(c.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no ims-auth check in " + body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }
}
