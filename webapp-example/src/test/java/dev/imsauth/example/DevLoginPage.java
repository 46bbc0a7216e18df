package dev.imsauth.example;

import dev.imsauth.testsupport.BrowserSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The development identity provider's login page, as a user sees it: a user name, role boxes, a button. */
final class DevLoginPage {

    private final BrowserSession browser;

    private DevLoginPage(BrowserSession browser) {
        this.browser = browser;
    }

    /** Waits until the browser shows the provider's login page (on the provider's host, 127.0.0.1). */
    static DevLoginPage expect(BrowserSession browser, DevStack stack) {
        String idpHost = URI.create(stack.idp.issuer()).getAuthority();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> idpHost.equals(URI.create(d.getCurrentUrl()).getAuthority()));
        assertThat(browser.title()).isEqualTo("Sign in");
        return new DevLoginPage(browser);
    }

    /** Types the user name, ticks exactly these roles and presses "Sign in". */
    void signInAs(String userName, String... roles) {
        fill(userName, roles).submit();
    }

    /** Types the user name and ticks the roles without submitting (for a screenshot of the filled form). */
    DevLoginPage fill(String userName, String... roles) {
        WebDriver driver = browser.driver();
        WebElement name = driver.findElement(By.name("username"));
        name.clear();
        name.sendKeys(userName);
        for (WebElement box : driver.findElements(By.name("role"))) {
            if (box.isSelected() != List.of(roles).contains(box.getAttribute("value"))) {
                box.click();
            }
        }
        return this;
    }

    void submit() {
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }
}
