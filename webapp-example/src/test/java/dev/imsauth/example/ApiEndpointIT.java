package dev.imsauth.example;

import dev.imsauth.testsupport.BrowserSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The protected JSON endpoint ({@code ims.api-paths=/api/*}): without a session every request there gets 401 JSON,
 * never the login page; protected pages send browsers to the provider.
 */
class ApiEndpointIT {

    @RegisterExtension
    static final DevStack.PerClass STACK = new DevStack.PerClass();
    private final DevStack stack = STACK.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fetchFromThePageWithoutSessionGets401JsonInsteadOfTheLoginPage() {
        try (BrowserSession browser = BrowserSession.start("ApiEndpointIT")) {
            browser.open(stack.app.baseUri());
            browser.click("call-api");
            String result = browser.waitForText("api-result", "HTTP 401");
            assertThat(result).contains("\"error\": \"sign_in_required\"");
            browser.screenshot("api-call-signed-out");
            assertThat(stack.idp.authorizeCalls()).isZero();
        }
    }

    @Test
    void scriptCallWithoutSessionGets401WithBearerChallenge() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.app.uri("api/me"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).contains("\"error\":\"sign_in_required\"");
    }

    @Test
    void evenABrowserNavigationUnderApiPathsGets401() throws Exception {
        HttpResponse<String> response = http.send(navigation("api/me"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"sign_in_required\"");
    }

    @Test
    void browserNavigationToAProtectedPageIsSentToTheProviderWithPkce() throws Exception {
        HttpResponse<String> response = http.send(navigation("profile"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(stack.idp.issuer() + "/connect/authorize?");
        assertThat(location.getQuery()).contains("code_challenge_method=S256", "client_id=" + DevStack.CLIENT_ID);
    }

    private HttpRequest navigation(String path) {
        return HttpRequest.newBuilder(stack.app.uri(path)).header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate").build();
    }
}
