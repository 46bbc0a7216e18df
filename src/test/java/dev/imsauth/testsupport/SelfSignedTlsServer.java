package dev.imsauth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An https server on 127.0.0.1 with a freshly made self-signed certificate (the JDK's keytool), for
 * "no trust-all" tests: a client that trusts only the default CAs must fail the handshake. Counts the
 * requests that got through (there should be none).
 */
public final class SelfSignedTlsServer implements AutoCloseable {
    private final Server server = new Server();
    private final AtomicInteger requests = new AtomicInteger();
    private final Path keystore;

    private SelfSignedTlsServer() throws Exception {
        keystore = Files.createTempFile("self-signed", ".p12");
        Files.delete(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "op", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) {
                requests.incrementAndGet();
                response.setStatus(404);
                callback.succeeded();
                return true;
            }
        });
        server.start();
    }

    public static SelfSignedTlsServer start() {
        try {
            return new SelfSignedTlsServer();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the TLS server", e);
        }
    }

    /** {@code https://127.0.0.1:PORT} */
    public String origin() {
        return "https://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * The PKCS12 file (password {@code changeit}) holding the server's key and self-signed certificate; as a
     * {@code javax.net.ssl.trustStore} it makes a JVM trust this server.
     */
    public Path keystore() {
        return keystore;
    }

    /** Requests that completed a handshake and reached the handler. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        Files.deleteIfExists(keystore);
    }
}
