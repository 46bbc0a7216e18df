package dev.imsauth.example;

import dev.imsauth.config.ConfigKeys;
import dev.imsauth.config.ConfigSource;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mvn -B -f webapp-example -Prun package}: runs the example in Tomcat until Ctrl-C and prints the URL.
 *
 * <ul>
 *   <li>Without {@code IMS_CLIENT_ID}: with the development identity provider on 127.0.0.1:9000 and a fake
 *       iTwin API on 127.0.0.1:9001 ({@link DevStack}); no credentials needed.</li>
 *   <li>With {@code IMS_CLIENT_ID} (or {@code -Dims.client-id}): against the real https://ims.bentley.com and
 *       https://api.bentley.com. Every {@code IMS_*} variable reaches the filter unchanged
 *       ({@code IMS_CLIENT_SECRET}, {@code IMS_REDIRECT_URI}, …, see docs/configuration.md).</li>
 * </ul>
 * Ports: {@code -Dexample.port} (8080), {@code -Dexample.idp.port} (9000), {@code -Dexample.api.port} (9001).
 */
public final class RunExample {

    private RunExample() {
    }

    public static void main(String[] args) {
        Optional<String> clientId = ConfigSource.systemProperties().orElse(ConfigSource.environment())
                .get(ConfigKeys.CLIENT_ID);
        try {
            int appPort = port("example.port", 8080);
            if (clientId.isPresent()) {
                runWithIms(appPort, clientId.get());
            } else {
                runWithDevelopmentProvider(appPort, port("example.idp.port", 9000), port("example.api.port", 9001));
            }
        } catch (RuntimeException e) {
            System.err.printf("%n*** The example did not start: %s%n%n", e.getMessage());
            System.err.flush();
            System.exit(1);
        }
    }

    private static void runWithDevelopmentProvider(int appPort, int idpPort, int apiPort) {
        DevStack stack = DevStack.start(appPort, idpPort, apiPort);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "example-shutdown"));
        banner(stack.app, """
                  Identity provider: %s  (development: type a user name such as alice, bob or carol, tick roles)
                  iTwin API:         %s  (development fake of GET /users/me)
                  Real Bentley IMS instead: set IMS_CLIENT_ID (and IMS_CLIENT_SECRET for a confidential client)
                """.formatted(stack.idp.issuer(), stack.api.baseUrl()));
        stack.app.await();
    }

    private static void runWithIms(int appPort, String clientId) {
        ExampleServer app = ExampleServer.start(appPort, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "example-shutdown"));
        ConfigSource config = ConfigSource.systemProperties().orElse(ConfigSource.environment());
        banner(app, """
                  Identity provider: %s  (client %s, %s)
                  Redirect URI:      %s  (must be registered for the client at developer.bentley.com)
                """.formatted(config.get(ConfigKeys.ISSUER).orElse("https://ims.bentley.com"), clientId,
                config.get(ConfigKeys.CLIENT_SECRET).isPresent() ? "confidential" : "public",
                config.get(ConfigKeys.REDIRECT_URI).orElse(app.uri("signin-oidc").toString())));
        app.await();
    }

    private static void banner(ExampleServer app, String details) {
        System.out.printf("%n==> ims-auth example is running. Open %s%n%s  Started in %d ms; Ctrl-C stops.%n%n",
                app.baseUri(), details, app.startupTime().toMillis());
        System.out.flush();
    }

    private static int port(String property, int fallback) {
        String value = System.getProperty(property);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number; got '" + value + "'");
        }
    }
}
