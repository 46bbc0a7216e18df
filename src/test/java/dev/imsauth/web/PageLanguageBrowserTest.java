package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The built-in pages speak the browser's language (resource bundles {@code PageMessages} and
 * {@code SignedOutMessages}, English and German built in): a Chromium set to German gets the error page, the
 * sign-out confirmation and the signed-out page in German; a browser asking for a language without a bundle
 * gets English.
 */
class PageLanguageBrowserTest {
    private static SignInFixture f;
    private static BrowserSession german;

    @BeforeAll
    static void start() {
        f = SignInFixture.publicClient();
        f.op.registerPostLogoutRedirectUri(SignInFixture.CLIENT_ID, f.url("/signed-out"));
        german = BrowserSession.start("PageLanguageBrowserTest-de", "de");
    }

    @AfterAll
    static void stop() {
        if (german != null) {
            german.close();
        }
        f.close();
    }

    @Test
    void aGermanBrowserGetsTheErrorConfirmationAndSignedOutPagesInGerman() {
        german.open(URI.create(f.url("/signin-oidc?state=forged&code=x")));
        assertThat(german.waitForPageText("Sie konnten nicht angemeldet werden"))
                .contains("Grund: state_mismatch (HTTP 401)", "Erneut versuchen")
                .contains("Diese Anmeldung gehört nicht zu einer in diesem Browser begonnenen Anmeldung");
        assertThat(german.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");

        german.open(URI.create(f.url("/protected/page")));
        german.waitForPageText("user=");
        german.open(URI.create(f.url("/logout")));
        german.waitForPageText("Abmelden?");
        german.clickButton("Abmelden");
        assertThat(german.textOf("signed-out")).isEqualTo("Sie sind abgemeldet");
        assertThat(german.title()).isEqualTo("Abgemeldet");
    }

    @Test
    void aLanguageWithoutABundleGetsEnglish() {
        HttpResponse<String> page = new BrowserlessClient().get(f.url("/signin-oidc?state=forged&code=x"),
                Map.of("Accept", "text/html", "Accept-Language", "fi-FI,fi;q=0.9"));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("<html lang=\"en\">", "<h1>You could not be signed in</h1>",
                "Reason: state_mismatch (HTTP 401)");
    }
}
