package dev.imsauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogHygiene;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/service-clients.md: the plain Java main runs as printed there against the test provider and a fake
 * api.bentley.com, configured the way the page says (system properties), and asks IMS for a service token
 * without a redirect URI or any user scope.
 */
class ServiceClientsDocsTest {
    private static final Path DOC = Path.of("docs", "service-clients.md");
    private static final String SECRET = "whoami-service-secret-5d2";

    @Test
    void theMainOfTheDocsCallsUsersMeAsTheServiceUser() throws Exception {
        try (TestOpenIdProvider op = TestOpenIdProvider.start(); FakeITwinApi api = FakeITwinApi.start(op);
             LogCapture logs = LogCapture.start()) {
            op.registerClient("whoami-service", SECRET);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("ims.issuer", op.issuer());
            properties.put("ims.client-id", "whoami-service");
            properties.put("ims.client-secret", SECRET);
            properties.put("ims.api-base-url", api.baseUrl());
            properties.put("ims.allow-insecure-loopback", "true");

            String printed = runMain(properties);

            assertThat(printed).isEqualTo("Calling iTwin APIs as whoami-service@apps.imsoidc.bentley.com"
                    + System.lineSeparator());
            RecordedRequest token = op.requests(ProviderPaths.TOKEN).get(0);
            assertThat(token.first("grant_type")).isEqualTo("client_credentials");
            assertThat(token.first("scope")).isEqualTo("itwin-platform");
            assertThat(token.has("redirect_uri")).isFalse();
            assertThat(op.authorizeCalls()).isZero();
            assertThat(api.calls("/users/me")).hasSize(1);
            LogHygiene.assertNoSecrets(logs, op, List.of(SECRET, api.calls().get(0).bearer()));
        }
    }

    /**
     * The page's three examples are the tested files: the main here, the servlet and the CDI bean that
     * it/tomcat's TomcatServiceClientsIT deploys on a real Tomcat.
     */
    @Test
    void theDocsShowTheMainTheServletAndTheCdiBeanExactlyAsTested() throws IOException {
        String doc = Files.readString(DOC);
        Path app = Path.of("it/common/src/test/java/dev/imsauth/it/service/app");
        for (Path source : List.of(Path.of("src/test/java/dev/imsauth/examples/WhoAmIServiceApp.java"),
                app.resolve("UsersMeServlet.java"), app.resolve("ServiceAccount.java"))) {
            assertThat(doc).as("docs/service-clients.md shows %s as it is", source).contains(javaBody(source));
        }
    }

    /** The source without its package line, as the page shows it. */
    static String javaBody(Path source) throws IOException {
        String text = Files.readString(source);
        return text.substring(text.indexOf('\n', text.indexOf("package ")) + 1).strip();
    }

    private static String runMain(Map<String, String> properties) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        properties.forEach(System::setProperty);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            WhoAmIServiceApp.main(new String[0]);
        } finally {
            System.setOut(original);
            properties.keySet().forEach(System::clearProperty);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
