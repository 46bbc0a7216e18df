package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.SelfSignedTlsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What docs/operations.md promises about calls to IMS: the library's HTTP client takes the JVM's standard
 * settings — {@code javax.net.ssl.trustStore} for the CAs it trusts, {@code https.proxyHost}/{@code http.proxyHost}
 * for an outbound proxy — with no setting of its own. Each case runs the call in a child JVM started with
 * exactly the {@code -D} options the page tells an operator to add.
 */
class OutboundTrustAndProxyTest {

    @Test
    void trustsAPrivateCaOnlyWhenTheJvmTruststoreNamesIt() throws Exception {
        try (SelfSignedTlsServer server = SelfSignedTlsServer.start()) {
            String url = server.origin() + "/.well-known/openid-configuration";

            assertThat(probe(List.of(), url)).startsWith("FAILED ");
            assertThat(probe(List.of("-Djavax.net.ssl.trustStore=" + server.keystore(),
                    "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12"), url))
                    .isEqualTo("HTTP 404");
        }
    }

    @Test
    void goesThroughTheOutboundProxyOfTheJvmProxyProperties() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy()) {
            List<String> viaProxy = List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + proxy.port(),
                    "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.port());

            assertThat(probe(viaProxy, "http://ims.example.invalid/.well-known/openid-configuration"))
                    .isEqualTo("HTTP 200");
            probe(viaProxy, "https://ims.example.invalid/.well-known/openid-configuration");

            assertThat(proxy.requestLines()).containsExactly(
                    "GET http://ims.example.invalid/.well-known/openid-configuration HTTP/1.1",
                    "CONNECT ims.example.invalid:443 HTTP/1.1");
        }
    }

    private static String probe(List<String> options, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OutboundCallProbe.class.getName(), url));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String[] lines = output.split("\\R");
        return lines[lines.length - 1];
    }

    /** A proxy on 127.0.0.1 that records each request line; answers a GET with {@code {}} and refuses CONNECT. */
    private static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "recording-proxy");

        RecordingProxy() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requestLines() {
            return lines;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String first = in.readLine();
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        // skip the headers
                    }
                    lines.add(first);
                    OutputStream out = client.getOutputStream();
                    out.write((first != null && first.startsWith("CONNECT")
                            ? "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                    + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    // closed, or a client that went away
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
