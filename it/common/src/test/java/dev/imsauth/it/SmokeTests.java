package dev.imsauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * What every container must do before the library can be tested on it. A subclass adds
 * {@code @ExtendWith(ArquillianExtension.class)} and a {@code @Deployment(testable = false)} built on
 * {@link SmokeArchive#create(String)}.
 */
public abstract class SmokeTests {

    @ArquillianResource
    protected URL base;

    protected final HttpProbe http = new HttpProbe();

    @Test
    void servesAPlainServlet() {
        HttpResponse<String> response = http.get(base, "ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void injectsOneRequestScopedBeanPerRequestIntoAServlet() {
        String first = http.get(base, "cdi").body();
        String second = http.get(base, "cdi").body();

        assertThat(first).matches("servlet=(\\S+) reader=\\1");
        assertThat(second).matches("servlet=(\\S+) reader=\\1");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void readsMicroProfileConfigFromTheWar() {
        HttpResponse<String> response = http.get(base, "config");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "injected=" + SmokeArchive.GREETING_VALUE + "\nprogrammatic=" + SmokeArchive.GREETING_VALUE);
    }
}
