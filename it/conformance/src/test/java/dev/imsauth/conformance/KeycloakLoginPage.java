package dev.imsauth.conformance;

import dev.imsauth.testsupport.BrowserSession;
import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Keycloak's own login page, as a person fills it in (the realm's users' passwords are {@code <name>-password}). */
final class KeycloakLoginPage {

    /** Keycloak renders its first page slowly (theme caches are cold). */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private KeycloakLoginPage() {
    }

    /** Waits for the login form and returns the address it is shown at: the authorization request. */
    static URI await(BrowserSession browser) {
        new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return browser.currentUri();
    }

    /** Waits for the login form, signs {@code user} in, and returns the authorization request's address. */
    static URI signIn(BrowserSession browser, String user) {
        URI authorizationRequest = await(browser);
        WebElement name = browser.driver().findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(user + "-password");
        browser.driver().findElement(By.id("kc-login")).click();
        return authorizationRequest;
    }

    /** Waits until the browser has left Keycloak (back at the application, on {@code host:port}). */
    static void awaitBackAt(BrowserSession browser, URI application) {
        new WebDriverWait(browser.driver(), WAIT).until(d -> {
            URI now = URI.create(d.getCurrentUrl());
            return now.getPort() == application.getPort() && application.getHost().equals(now.getHost());
        });
    }
}
