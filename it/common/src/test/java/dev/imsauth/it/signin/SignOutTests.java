package dev.imsauth.it.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.RecordedRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing out in headless Chromium exactly as docs/tomcat.md and docs/wildfly.md describe it, on the real
 * container: {@code GET /logout} → "Sign out?" → the button → the provider's end-session → the built-in
 * signed-out page; and the application's own sign-out form. The test provider signs a user in without a
 * login page whenever it is asked, so a landing that started a sign-in by itself would show at once.
 */
public abstract class SignOutTests extends SignInTests {

    @BeforeEach
    void allowTheSignedOutPageAfterLogout() {
        op().registerPostLogoutRedirectUri(SignInArchive.CLIENT_ID, url("signed-out"));
    }

    @Test
    void theConfirmationPageSignsOutThroughTheProviderToTheSignedOutPage() {
        try (BrowserSession browser = BrowserSession.start(getClass().getSimpleName() + "-confirm")) {
            signInIn(browser);
            browser.open(URI.create(url("logout")));
            browser.waitForPageText("Sign out?");
            browser.screenshot("confirm");
            op().clearRequests();

            browser.clickButton("Sign out");

            expectSignedOutPage(browser);
            browser.open(URI.create(url("signed-out")));
            browser.clickLink("Sign in");
            browser.waitForPath(path(""));
            assertThat(op().authorizeCalls()).as("the link signs in again").isEqualTo(1);
            browser.open(URI.create(url("public/page")));
            assertThat(browser.pageText()).contains("principal=alice@example.com");
        }
    }

    @Test
    void theApplicationsOwnSignOutFormSignsOutThroughTheProviderToTheSignedOutPage() {
        try (BrowserSession browser = BrowserSession.start(getClass().getSimpleName() + "-own-form")) {
            signInIn(browser);
            browser.open(URI.create(url("protected/account")));
            assertThat(browser.textOf("user")).isEqualTo("alice@example.com");
            op().clearRequests();

            browser.click("sign-out");

            expectSignedOutPage(browser);
        }
    }

    private void signInIn(BrowserSession browser) {
        browser.open(URI.create(url("protected/page")));
        browser.waitForPath(path("protected/page"));
        assertThat(browser.pageText()).contains("principal=alice@example.com");
    }

    /** On the signed-out page, after end-session and then revocation, with no sign-in started by itself. */
    private void expectSignedOutPage(BrowserSession browser) {
        browser.waitForPath(path("signed-out"));
        assertThat(browser.textOf("signed-out")).isEqualTo("You are signed out");
        browser.screenshot("signed-out");
        List<String> calls = op().requests().stream().map(RecordedRequest::path)
                .filter(p -> !p.equals(ProviderPaths.DISCOVERY) && !p.equals(ProviderPaths.JWKS)).toList();
        assertThat(calls).as("end-session, then the revocation; no new sign-in")
                .containsExactly(ProviderPaths.END_SESSION, ProviderPaths.REVOCATION);
        RecordedRequest endSession = op().requests(ProviderPaths.END_SESSION).get(0);
        assertThat(endSession.first("id_token_hint")).isNotBlank();
        assertThat(endSession.first("post_logout_redirect_uri")).isEqualTo(url("signed-out"));
        browser.refresh();
        assertThat(browser.textOf("signed-out")).isEqualTo("You are signed out");
        browser.open(URI.create(url("public/page")));
        assertThat(browser.pageText()).contains("principal=null");
        assertThat(op().authorizeCalls()).as("nobody is signed in again without a click").isZero();
    }
}
