package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.signin.SignInArchive;
import dev.imsauth.it.signin.SignOutTests;
import dev.imsauth.it.wildfly.app.AdminService;
import dev.imsauth.it.wildfly.app.CallerServlet;
import dev.imsauth.it.signin.app.MechanismSwitch;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jakarta Security route on WildFly: {@code @ImsAuthenticationMechanismDefinition} on a bean, settings in
 * {@code META-INF/microprofile-config.properties}, and standard security constraints in web.xml — no filter.
 */
@ExtendWith(ArquillianExtension.class)
class WildFlyMechanismIT extends SignOutTests {

    /** Started before the deployment is built, so the application finds its provider at start. */
    private static final TestOpenIdProvider OP = startProvider();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SignInArchive.create("mechanism.war", OP.issuer(), SignInArchive.imsSettings(OP.issuer()))
                .addClasses(MechanismSwitch.class, CallerServlet.class, AdminService.class)
                .setWebXML(SignInArchive.webXml("""
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>signed-in users</web-resource-name>
                              <url-pattern>/protected/*</url-pattern>
                              <url-pattern>/tokens</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                        """));
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @Override
    protected TestOpenIdProvider op() {
        return OP;
    }

    /**
     * Ending a session inside the mechanism (sign-out, or a back-channel logout seen on the user's next request)
     * used to leave Weld's conversation context half-deactivated: WELD-000717 on that request, WELD-000335 on the
     * next one served by the same worker thread.
     */
    @Test
    void signingOutLeavesNoWeldContextWarningsInTheServerLog() throws IOException {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long before = Files.size(log);
        op().registerPostLogoutRedirectUri(SignInArchive.CLIENT_ID, url("signed-out"));
        URI app = URI.create(url(""));
        BrowserlessClient browser = signedIn(ALICE);
        String oldSession = browser.sessionId(url("")).orElseThrow();
        HttpResponse<String> out = browser.post(url("logout"), "",
                Map.of("Origin", app.getScheme() + "://" + app.getAuthority()));
        assertThat(browser.follow(browser.follow(out)).body()).contains("You are signed out");
        HttpResponse<String> stolen = new BrowserlessClient().get(url("protected/page"),
                Map.of("Cookie", "JSESSIONID=" + oldSession, "Accept", "text/html"));
        assertThat(stolen.statusCode()).as("the old session id signs nobody in").isEqualTo(302);
        BrowserlessClient bob = signedIn(BOB);
        HttpResponse<String> backChannel = new BrowserlessClient().post(url("backchannel-logout"), "logout_token="
                + op().logoutTokens(SignInArchive.CLIENT_ID).valid("bob", op().sessionId("bob").orElseThrow()), Map.of());
        assertThat(backChannel.statusCode()).isEqualTo(200);
        assertThat(bob.get(url("protected/page")).statusCode()).as("bob's session ended").isEqualTo(302);
        for (int i = 0; i < 40; i++) { // the next requests, on whichever worker threads served the sign-outs
            assertThat(browser.get(url("public/page")).statusCode()).isEqualTo(200);
        }

        String written;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(before);
            byte[] added = new byte[(int) (file.length() - before)];
            file.readFully(added);
            written = new String(added, java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(written).doesNotContain("WELD-000717").doesNotContain("WELD-000335");
    }

    @Test
    void securityContextAndEjbRolesAllowedKnowTheCaller() {
        assertThat(signedIn(BOB).get(url("protected/caller")).body())
                .isEqualTo("caller=bob@example.com admin=true ejb=bob@example.com");
        assertThat(signedIn(ALICE).get(url("protected/caller")).body())
                .isEqualTo("caller=alice@example.com admin=false ejb=refused");
    }
}
