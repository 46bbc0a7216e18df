package dev.imsauth.example;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.testsupport.LoopbackPorts;
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
 * Ports: {@code -Dexample.port} (8080; {@code ./run-example.sh --port N}), {@code -Dexample.idp.port} (9000),
 * {@code -Dexample.api.port} (9001). When one is taken it stops at once, naming the port and the option.
 */
public final class RunExample {

    static final String APP_PORT = ExampleServer.PORT_PROPERTY;
    static final String IDP_PORT = "example.idp.port";
    static final String API_PORT = "example.api.port";

    private RunExample() {
    }

    public static void main(String[] args) {
        Optional<String> clientId = ConfigSource.systemProperties().orElse(ConfigSource.environment())
                .get(ConfigKey.CLIENT_ID.key());
        try {
            int appPort = port(APP_PORT, 8080);
            requireFree(appPort, "the example app", "--port N");
            if (clientId.isPresent()) {
                runWithIms(appPort, clientId.get());
            } else {
                int idpPort = port(IDP_PORT, 9000);
                int apiPort = port(API_PORT, 9001);
                requireFree(idpPort, "the development identity provider", "-D" + IDP_PORT + "=N");
                requireFree(apiPort, "the fake iTwin API", "-D" + API_PORT + "=N");
                runWithDevelopmentProvider(appPort, idpPort, apiPort);
            }
        } catch (RuntimeException e) {
            System.err.printf("%n*** The example did not start: %s%n%n", e.getMessage());
            System.err.flush();
            System.exit(1);
        }
    }

    /**
     * Stops before anything starts when {@code port} is taken, naming it and the {@code ./run-example.sh} option
     * that picks another.
     */
    static void requireFree(int port, String server, String option) {
        LoopbackPorts.requireFree(port, server, "Stop that program, or choose another port: ./run-example.sh "
                + option + ".");
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
                """.formatted(config.get(ConfigKey.ISSUER.key()).orElse("https://ims.bentley.com"), clientId,
                config.get(ConfigKey.CLIENT_SECRET.key()).isPresent() ? "confidential" : "public",
                config.get(ConfigKey.REDIRECT_URI.key()).orElse(app.uri("signin-oidc").toString())));
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
