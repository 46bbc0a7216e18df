package dev.imsauth.example;

import dev.imsauth.testsupport.BrowserSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.ProviderPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newcomer's whole visit, in headless Chromium against the example in Tomcat with the development identity
 * provider: protected page → provider's login page → back signed in → reload → iTwin users/me → JSON API →
 * sign out → signed out for real. Screenshots of every step: target/screenshots/SignInJourneyIT-*.png.
 */
class SignInJourneyIT {

    @RegisterExtension
    static final DevStack.PerClass STACK = new DevStack.PerClass();
    private final DevStack stack = STACK.get();

    @Test
    void signsInSeesProfileAndITwinAccountStaysSignedInOnReloadAndSignsOut() {
        try (BrowserSession browser = BrowserSession.start("SignInJourneyIT")) {
            browser.open(stack.app.baseUri());
            assertThat(browser.textOf("status")).contains("You are not signed in");
            browser.screenshot("home-signed-out");

            browser.click("profile-link");
            DevLoginPage login = DevLoginPage.expect(browser, stack);
            login.fill("alice", "admin", "user");
            browser.screenshot("idp-login-page");
            login.submit();

            browser.waitForPath("/profile");
            assertThat(browser.currentUri().getHost()).isEqualTo("localhost");
            assertThat(browser.textOf("user-name")).isEqualTo("Alice Example");
            assertThat(browser.textOf("user-email")).isEqualTo("alice@example.com");
            assertThat(browser.textOf("user-roles")).contains("admin", "user");
            assertThat(browser.textOf("is-admin")).startsWith("yes");
            assertThat(browser.textOf("signed-in-as")).isEqualTo("Alice Example");
            assertThat(browser.textOf("claims")).contains("iss", stack.idp.issuer(), "aud", DevStack.CLIENT_ID);
            assertThat(browser.pageText()).doesNotContain("eyJ");   // no JWT (raw ID or access token) on the page
            browser.screenshot("profile");

            browser.refresh();
            browser.waitForPath("/profile");
            assertThat(browser.textOf("user-name")).isEqualTo("Alice Example");
            assertThat(stack.idp.tokenCalls()).as("no new sign-in on reload").isEqualTo(1);

            browser.click("nav-itwin");
            browser.waitForPath("/itwin/me");
            assertThat(browser.textOf("me-name")).isEqualTo("Alice Example");
            assertThat(browser.textOf("me-email")).isEqualTo("alice@example.com");
            assertThat(stack.api.calls("/users/me")).hasSize(1);
            browser.screenshot("itwin-users-me");

            browser.click("nav-home");
            browser.waitForPath("/");
            browser.click("call-api");
            assertThat(browser.waitForText("api-result", "HTTP 200")).contains("\"email\": \"alice@example.com\"");
            browser.screenshot("api-call-signed-in");

            browser.click("sign-out");
            browser.waitForPath("/signed-out");
            assertThat(browser.textOf("signed-out")).isEqualTo("You are signed out");
            assertThat(stack.idp.endSessionCalls()).as("went through the provider's end-session").isEqualTo(1);
            assertThat(stack.idp.revocations()).as("refresh token revoked once back").isEqualTo(1);
            assertThat(browser.textOf("sign-in")).isEqualTo("Sign in");
            browser.screenshot("signed-out");
            browser.open(stack.app.baseUri());
            assertThat(browser.textOf("status")).contains("You are not signed in");

            browser.open(stack.app.uri("profile"));
            DevLoginPage.expect(browser, stack);
            assertThat(stack.idp.requests(ProviderPaths.AUTHORIZE).stream().filter(r -> r.method().equals("GET")))
                    .as("login pages shown").hasSize(2);
            browser.screenshot("profile-asks-for-sign-in-again");
        }
    }
}
