package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who gets a redirect to the provider and who gets 401 JSON, with the default detection plus
 * {@code ims.api-paths=/api/*}, and with header detection switched off.
 */
class ApiRequestsTest {
    private static SignInFixture detecting;
    private static SignInFixture pathsOnly;

    @BeforeAll
    static void start() {
        detecting = SignInFixture.with(b -> b.apiPaths(List.of("/api/*")));
        pathsOnly = SignInFixture.with(b -> b.apiPaths(List.of("/api/*")).apiDetection(false));
    }

    @AfterAll
    static void stop() {
        detecting.close();
        pathsOnly.close();
    }

    static Stream<Arguments> scriptRequests() {
        return Stream.of(
                Arguments.of("fetch()", Map.of("Sec-Fetch-Mode", "cors", "Accept", "*/*")),
                Arguments.of("XMLHttpRequest", Map.of("X-Requested-With", "XMLHttpRequest")),
                Arguments.of("JSON client", Map.of("Accept", "application/json")),
                Arguments.of("no-cors fetch", Map.of("Sec-Fetch-Mode", "no-cors")));
    }

    @ParameterizedTest(name = "{0} gets 401 JSON")
    @MethodSource("scriptRequests")
    void scriptsGet401JsonWithAChallenge(String name, Map<String, String> headers) {
        HttpResponse<String> r = new BrowserlessClient().get(detecting.url("/protected/data"), headers);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=\"ims\"")
                .contains("error=\"sign_in_required\"");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"error\":\"sign_in_required\",\"message\":\"");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aBrowserNavigationIsRedirectedToSignIn() {
        HttpResponse<String> r = new BrowserlessClient().get(detecting.url("/protected/page"),
                Map.of("Accept", "text/html,application/xhtml+xml", "Sec-Fetch-Mode", "navigate"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(BrowserlessClient.location(r).toString()).startsWith(detecting.op.issuer() + "/connect/authorize?");
    }

    @Test
    void apiPathsGet401EvenFromABrowser() {
        HttpResponse<String> r = new BrowserlessClient().get(detecting.url("/api/items"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("sign_in_required");
    }

    @Test
    void withDetectionOffOnlyApiPathsAnswer401() {
        BrowserlessClient client = new BrowserlessClient();
        HttpResponse<String> xhr = client.get(pathsOnly.url("/protected/data"), Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(xhr.statusCode()).isEqualTo(302);
        HttpResponse<String> api = client.get(pathsOnly.url("/api/items"), Map.of("Accept", "text/html"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void aSignedInApiCallPassesThrough() {
        BrowserlessClient browser = new BrowserlessClient();
        browser.follow(browser.signIn(detecting.url("/protected/start")));
        HttpResponse<String> r = browser.get(detecting.url("/api/items"), Map.of("Accept", "application/json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("user=alice;");
    }
}
