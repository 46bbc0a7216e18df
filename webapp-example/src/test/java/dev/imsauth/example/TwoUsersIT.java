package dev.imsauth.example;

import dev.imsauth.testsupport.BrowserSession;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/** Two people signed in at once, in two browsers with their own cookies: each sees only their own data. */
class TwoUsersIT {

    @RegisterExtension
    static final DevStack.PerClass STACK = new DevStack.PerClass();
    private final DevStack stack = STACK.get();

    @Test
    void twoBrowsersSignedInAsDifferentUsersAtOnceSeeOnlyTheirOwnData() {
        try (BrowserSession alice = BrowserSession.start("TwoUsersIT-alice");
                BrowserSession bob = BrowserSession.start("TwoUsersIT-bob")) {
            // both sign-ins are under way at the same time before either completes
            alice.open(stack.app.uri("profile"));
            DevLoginPage aliceLogin = DevLoginPage.expect(alice, stack);
            bob.open(stack.app.uri("itwin/me"));
            DevLoginPage bobLogin = DevLoginPage.expect(bob, stack);
            bobLogin.signInAs("bob", "viewer");
            aliceLogin.signInAs("alice", "user");

            alice.waitForPath("/profile");
            bob.waitForPath("/itwin/me");
            assertThat(alice.textOf("user-name")).isEqualTo("Alice Example");
            assertThat(bob.textOf("me-name")).isEqualTo("Bob Builder");

            bob.click("nav-profile");
            bob.waitForPath("/profile");
            alice.refresh();
            assertThat(alice.textOf("user-email")).isEqualTo("alice@example.com");
            assertThat(alice.textOf("user-roles")).isEqualTo("user");
            assertThat(alice.pageText()).doesNotContain("Bob", "bob@example.com");
            assertThat(bob.textOf("user-email")).isEqualTo("bob@example.com");
            assertThat(bob.textOf("user-roles")).isEqualTo("viewer");
            assertThat(bob.pageText()).doesNotContain("Alice", "alice@example.com");
            alice.screenshot("profile");
            bob.screenshot("profile");

            alice.click("nav-itwin");
            alice.waitForPath("/itwin/me");
            assertThat(alice.textOf("me-email")).isEqualTo("alice@example.com");
            alice.screenshot("itwin-users-me");

            Cookie aliceSession = alice.driver().manage().getCookieNamed("JSESSIONID");
            Cookie bobSession = bob.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(aliceSession.getValue()).isNotEqualTo(bobSession.getValue());
            assertThat(aliceSession.isHttpOnly()).isTrue();
            assertThat(aliceSession.getSameSite()).isEqualTo("Lax");
        }
    }
}
