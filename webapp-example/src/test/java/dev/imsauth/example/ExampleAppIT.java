package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * Smoke test of the example WAR in embedded Tomcat, driven by headless Chromium. One server for the
 * class; one fresh browser profile per user.
 */
class ExampleAppIT {

    private static ExampleServer server;

    @BeforeAll
    static void startServer() {
        server = ExampleServer.start(0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void visitorOpensTheHomePageAndClicksThroughToTheProfile() {
        try (BrowserSession browser = BrowserSession.start("ExampleAppIT-visitor")) {
            browser.open(server.baseUri());
            assertThat(browser.title()).isEqualTo("ims-auth example");
            assertThat(browser.textOf("status")).isEqualTo("Not signed in.");
            browser.screenshot("home");

            browser.clickLink("Your profile");
            browser.waitForPath("/profile");

            assertThat(browser.title()).isEqualTo("Profile");
            assertThat(browser.textOf("visits")).isEqualTo("Visits in this session: 1");
            browser.screenshot("profile");
        }
    }

    @Test
    void twoBrowsersAtOnceKeepSeparateSessions() {
        try (BrowserSession alice = BrowserSession.start("ExampleAppIT-alice");
                BrowserSession bob = BrowserSession.start("ExampleAppIT-bob")) {
            alice.open(server.uri("profile"));
            alice.refresh();
            bob.open(server.uri("profile"));

            assertThat(alice.textOf("visits")).isEqualTo("Visits in this session: 2");
            assertThat(bob.textOf("visits")).isEqualTo("Visits in this session: 1");
            alice.screenshot("profile");
            bob.screenshot("profile");

            Cookie aliceSession = alice.driver().manage().getCookieNamed("JSESSIONID");
            Cookie bobSession = bob.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(aliceSession).isNotNull();
            assertThat(bobSession).isNotNull();
            assertThat(aliceSession.getValue()).isNotEqualTo(bobSession.getValue());
            assertThat(aliceSession.isHttpOnly()).isTrue();
        }
    }
}
