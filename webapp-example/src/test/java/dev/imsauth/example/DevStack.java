package dev.imsauth.example;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.testsupport.FakeITwinApi;
import dev.imsauth.testsupport.TestOpenIdProvider;
import dev.imsauth.testsupport.TestUser;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the example needs on one machine, without credentials: the development identity provider (the
 * library's {@link TestOpenIdProvider} with its login page: type a user name, tick roles; signed RS256 ID
 * tokens, PKCE checked, refresh tokens, end-session), the library's fake iTwin API ({@code /users/me} for
 * exactly the tokens that provider issued), and the
 * example WAR in Tomcat, configured for them through context parameters.
 *
 * <p>The provider and the API listen on 127.0.0.1 and the app on {@code localhost}: browsers keep cookies
 * per host name, not per port, so the provider's and the app's cookies stay apart.
 */
final class DevStack implements AutoCloseable {

    static final String CLIENT_ID = "ims-auth-example";
    /** Users with full names; any other user name signs in too (as {@code <name>@example.com}). */
    static final List<TestUser> USERS = List.of(
            new TestUser("alice", "Alice Example", "alice@example.com", List.of("user"), Map.of()),
            new TestUser("bob", "Bob Builder", "bob@example.com", List.of("viewer"), Map.of()),
            new TestUser("carol", "Carol Engineer", "carol@example.com", List.of("admin", "user"), Map.of()));
    final TestOpenIdProvider idp;
    final FakeITwinApi api;
    final ExampleServer app;

    private DevStack(TestOpenIdProvider idp, FakeITwinApi api, ExampleServer app) {
        this.idp = idp;
        this.api = api;
        this.app = app;
    }

    /** Starts provider, API and app on these ports (0: free ones); the app's redirect URI is registered. */
    static DevStack start(int appPort, int idpPort, int apiPort) {
        TestOpenIdProvider idp = TestOpenIdProvider.start(idpPort).setInteractiveLogin(true);
        USERS.forEach(idp::addUser);
        FakeITwinApi api = null;
        try {
            api = FakeITwinApi.start(apiPort, idp::introspect);
            ExampleServer app = ExampleServer.start(appPort, configuration(idp.issuer(), URI.create(api.baseUrl())));
            idp.registerClient(CLIENT_ID, null, app.uri("signin-oidc").toString());
            idp.registerPostLogoutRedirectUri(CLIENT_ID, app.uri("signed-out").toString());
            return new DevStack(idp, api, app);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            idp.close();
            throw e;
        }
    }

    /** The ims-auth settings for the development provider: a public client, http allowed on loopback only. */
    static Map<String, String> configuration(String issuer, URI apiBaseUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(ConfigKey.ISSUER.key(), issuer);
        config.put(ConfigKey.CLIENT_ID.key(), CLIENT_ID);
        config.put(ConfigKey.ALLOW_INSECURE_LOOPBACK.key(), "true");
        config.put(ConfigKey.API_BASE_URL.key(), apiBaseUrl.toString());
        return config;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            try {
                api.close();
            } finally {
                idp.close();
            }
        }
    }
}
