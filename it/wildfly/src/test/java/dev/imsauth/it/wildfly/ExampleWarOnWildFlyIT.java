package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example app's WildFly WAR ({@code webapp-example -Pwildfly}, built by this project's pom before the tests)
 * deployed as it is, unchanged but for the deployment's settings: the test provider's issuer and the client id
 * are appended to the WAR's own {@code META-INF/microprofile-config.properties} (as IMS_CLIENT_ID … would
 * supply them), whose {@code ims.api-paths=/api/*} stays in force.
 */
@ExtendWith(ArquillianExtension.class)
class ExampleWarOnWildFlyIT {

    private static final String MP_CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final TestUser CAROL = new TestUser("carol", "Carol Example", "carol@example.com",
            List.of("user"), Map.of());

    /** Started before the deployment is built, so the application finds its provider at start. */
    private static final TestOpenIdProvider OP = TestOpenIdProvider.start().addUser(CAROL).setDefaultUser(CAROL);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        File file = new File(System.getProperty("example.wildfly.war",
                "../../webapp-example/target/ims-auth-webapp-example-wildfly.war"));
        assertThat(file).as("the example's WildFly WAR; build it with mvn -f webapp-example/pom.xml -Pwildfly package")
                .isFile();
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "example.war").importFrom(file).as(WebArchive.class);
        Node properties = war.get(MP_CONFIG);
        assertThat(properties).as(MP_CONFIG + " in " + file).isNotNull();
        String ownSettings = read(properties);
        assertThat(ownSettings).contains("ims.api-paths=/api/*").doesNotContainPattern("(?m)^ims\\.client-id");
        String deploymentSettings = SignInArchive.imsSettings(OP.issuer()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "\n", "\n"));
        war.delete(MP_CONFIG);
        war.add(new StringAsset(ownSettings + deploymentSettings), MP_CONFIG);
        return war;
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @BeforeEach
    void registerTheApplication() {
        OP.registerClient(SignInArchive.CLIENT_ID, null, url("signin-oidc"));
        OP.clearRequests();
    }

    @Test
    void theProfilePageSignsInThroughTheProviderAndShowsTheUser() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> toProvider = browser.get(url("profile"));
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
        assertThat(BrowserlessClient.location(toProvider).toString()).startsWith(OP.issuer())
                .contains("code_challenge_method=S256", "client_id=" + SignInArchive.CLIENT_ID);

        HttpResponse<String> toCallback = browser.get(BrowserlessClient.location(toProvider) + "&login_hint=carol");
        assertThat(BrowserlessClient.location(toCallback).toString()).startsWith(url("signin-oidc?"));
        HttpResponse<String> back = browser.follow(toCallback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(BrowserlessClient.location(back).toString()).isEqualTo(url("profile"));

        HttpResponse<String> profile = browser.follow(back);
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(profile.body()).contains("<dd id=\"user-name\">Carol Example</dd>",
                "<dd id=\"user-email\">carol@example.com</dd>", "<code>carol@example.com</code> (<code>request.getRemoteUser()",
                "<span id=\"signed-in-as\" class=\"who\">Carol Example</span>");

        // the public home page still knows the signed-in user
        assertThat(browser.get(url("")).body()).contains("Welcome back, <strong>Carol Example</strong>");
    }

    @Test
    void apiMeWithoutASessionIs401Json() {
        HttpResponse<String> response = new BrowserlessClient().get(url("api/me"));   // a plain navigation

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"sign_in_required\"");
        assertThat(OP.authorizeCalls()).isZero();
    }

    @Test
    void apiMeSignedInAnswersTheUser() {
        BrowserlessClient browser = new BrowserlessClient();
        HttpResponse<String> back = browser.signIn(url("profile"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(browser.follow(back).statusCode()).isEqualTo(200);

        HttpResponse<String> response = browser.get(url("api/me"), Map.of("Accept", "application/json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"id\":\"carol\",\"name\":\"Carol Example\",\"email\":\"carol@example.com\",\"roles\":[\"user\"]}");
    }

    @Test
    void homePageIsPublic() {
        HttpResponse<String> home = new BrowserlessClient().get(url(""));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("You are not signed in.");
        assertThat(new BrowserlessClient().get(url("css/example.css")).statusCode()).isEqualTo(200);
    }

    private String url(String relative) {
        String root = base.toExternalForm();
        return (root.endsWith("/") ? root : root + "/") + relative;
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
