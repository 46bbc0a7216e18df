package dev.imsauth.it.tomcat9;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.example.BrowserSession;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * docs/tomcat9.md step 4 in headless Chromium: the javax artifact on Tomcat 9 signs a user in on the
 * provider's login page and back to the page they asked for, and the sign-out button signs them out.
 */
@ExtendWith(ArquillianExtension.class)
class Tomcat9BrowserIT {

    private static final TestOpenIdProvider OP = Tomcat9Portal.startProvider().setInteractiveLogin(true);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Tomcat9Portal.war();
    }

    @AfterAll
    static void stopProvider() {
        OP.close();
    }

    @BeforeEach
    void registerThePortal() {
        Tomcat9Portal.register(OP, base);
    }

    @Test
    void aUserSignsInOnTheProvidersPageLandsOnTheLinkedPageAndSignsOut() {
        try (BrowserSession browser = BrowserSession.start("Tomcat9BrowserIT")) {
            browser.open(URI.create(url("")));
            assertThat(browser.textOf("home")).isEqualTo("Legacy portal");
            browser.clickLink("Quarterly reports");

            assertThat(browser.currentUri().toString()).startsWith(OP.issuer() + ProviderPaths.AUTHORIZE);
            WebElement name = browser.driver().findElement(By.name("username"));
            name.clear();
            name.sendKeys("carol");
            browser.driver().findElement(By.cssSelector("input[name=role][value=admin]")).click();
            browser.screenshot("login");
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

            browser.waitForPath(URI.create(url("protected/page")).getPath());
            assertThat(browser.currentUri().getQuery()).isEqualTo("report=q3&format=wide");
            assertThat(browser.textOf("user")).isEqualTo("carol");
            assertThat(browser.textOf("admin")).isEqualTo("true");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            browser.screenshot("signed-in");

            browser.click("sign-out");

            browser.waitForPath(URI.create(url("")).getPath());
            assertThat(browser.textOf("home")).isEqualTo("Legacy portal");
            assertThat(OP.endSessionCalls()).isEqualTo(1);
            assertThat(OP.revocations()).isEqualTo(1);
            browser.open(URI.create(url("protected/page")));
            assertThat(browser.currentUri().toString()).startsWith(OP.issuer() + ProviderPaths.AUTHORIZE);
            assertThat(browser.driver().findElements(By.name("username"))).hasSize(1);
        }
    }

    private String url(String relative) {
        return Tomcat9Portal.url(base, relative);
    }
}
