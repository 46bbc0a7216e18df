package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an undeploy needs: closing the library's HTTP client leaves none of its threads holding the application. */
class OwnedHttpClientTest {

    @Test
    void closeStopsTheWorkerThreadsAndTheSelectorThreadHoldsNoApplicationClassLoader() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<Thread> started;
        try (TestOpenIdProvider op = TestOpenIdProvider.start()) {
            OwnedHttpClient http = OwnedHttpClient.create(Duration.ofSeconds(2));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = http.client().sendAsync(HttpRequest.newBuilder(
                        URI.create(op.issuer() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.ofString()).get();
                assertThat(r.statusCode()).isEqualTo(200);
            }
            started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(t -> t.getName().startsWith("ims-auth-http-") || t.getName().startsWith("HttpClient-"))
                    .toList();
            assertThat(started).as("the client's own executor runs its work")
                    .anyMatch(t -> t.getName().startsWith("ims-auth-http-"));

            http.close();
        }
        for (Thread t : started) {
            if (t.getName().startsWith("ims-auth-http-")) {
                assertThat(t.isAlive()).as("%s after close", t.getName()).isFalse();
            } else if (t.isAlive()) {
                // Java 17: the JDK's selector thread outlives close() until the client is collected
                assertThat(t.getContextClassLoader()).as("%s's context class loader", t.getName())
                        .isSameAs(ClassLoader.getPlatformClassLoader());
            }
        }
    }
}
