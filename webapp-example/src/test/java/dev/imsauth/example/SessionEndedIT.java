package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What docs/operations.md tells page scripts to do with a 401, in headless Chromium: the session ends under a
 * signed-in page (its cookie is gone, as after an idle timeout), the page's {@code fetch} gets 401, the script
 * reloads the page, ims-auth sends the browser through the provider's sign-in and back to the same page.
 */
class SessionEndedIT {

    @RegisterExtension
    static final DevStack.PerClass STACK = new DevStack.PerClass();
    private final DevStack stack = STACK.get();

    @Test
    void aScriptThatGets401ReloadsThePageThroughSignInAndComesBackToIt() {
        try (BrowserSession browser = BrowserSession.start("SessionEndedIT")) {
            browser.open(stack.app.uri("profile"));
            DevLoginPage.expect(browser, stack).signInAs("carol", "user");
            browser.waitForPath("/profile");
            browser.click("check-session");
            assertThat(browser.waitForText("api-result", "HTTP 200")).contains("carol");
            assertThat(stack.idp.tokenCalls("authorization_code")).as("one sign-in so far").isEqualTo(1);

            browser.driver().manage().deleteAllCookies();          // the app's session is gone (app host only)
            browser.click("check-session");                        // fetch → 401 → the script reloads the page

            DevLoginPage login = DevLoginPage.expect(browser, stack);
            browser.screenshot("sign-in-again-after-401");
            login.signInAs("carol", "user");
            browser.waitForPath("/profile");
            assertThat(browser.textOf("user-email")).isEqualTo("carol@example.com");
            assertThat(stack.idp.tokenCalls("authorization_code")).as("the reload went through sign-in once more")
                    .isEqualTo(2);
        }
    }
}
