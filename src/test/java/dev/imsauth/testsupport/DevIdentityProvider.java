package dev.imsauth.testsupport;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The test provider as a local identity provider for the example app, with the interactive login form.
 *
 * <pre>
 * java ... dev.imsauth.testsupport.DevIdentityProvider [port [client-id [redirect-uris]]]
 * </pre>
 * Defaults come from system properties: {@code dev.client-id} ({@code ims-auth-example}),
 * {@code dev.redirect-uris} (comma-separated, {@code http://localhost:8080/signin-oidc}),
 * {@code dev.client-secret} (none: a public client) and {@code dev.post-logout-redirect-uris}
 * (comma-separated, {@code http://localhost:8080/}). Port 9000 by default. Runs until killed.
 */
public final class DevIdentityProvider {

    private DevIdentityProvider() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        String clientId = args.length > 1 ? args[1] : System.getProperty("dev.client-id", "ims-auth-example");
        String redirectUris = args.length > 2 ? args[2]
                : System.getProperty("dev.redirect-uris", "http://localhost:8080/signin-oidc");
        String secret = System.getProperty("dev.client-secret");
        String logoutUris = System.getProperty("dev.post-logout-redirect-uris", "http://localhost:8080/");

        TestOpenIdProvider op = TestOpenIdProvider.start(port).setInteractiveLogin(true);
        op.registerClient(clientId, secret, split(redirectUris));
        for (String uri : split(logoutUris)) {
            op.registerPostLogoutRedirectUri(clientId, uri);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            op.close();
            stopped.countDown();
        }, "dev-idp-shutdown"));
        System.out.println("Development identity provider: issuer " + op.issuer()
                + " (client " + clientId + ", " + (secret == null ? "public" : "confidential") + ")");
        stopped.await();
    }

    private static String[] split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
