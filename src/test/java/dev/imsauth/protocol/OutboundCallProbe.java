package dev.imsauth.protocol;

import java.net.URI;
import java.time.Duration;

/**
 * Run in a child JVM by {@link OutboundTrustAndProxyTest}: one GET through the library's own HTTP set-up for
 * calls to IMS ({@link ProviderHttp#defaultClient}), printing {@code HTTP <status>} or {@code FAILED <message>}.
 * A child JVM, because the JDK reads {@code javax.net.ssl.*} and proxy properties once per process.
 */
public final class OutboundCallProbe {
    private OutboundCallProbe() {
    }

    public static void main(String[] args) {
        ProviderHttp http = new ProviderHttp(ProviderHttp.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(5),
                64 * 1024);
        try {
            System.out.println("HTTP " + http.get(URI.create(args[0])).getStatusCode());
        } catch (ProviderException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
