package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ims.offline-access-prompt-consent} against a provider that grants {@code offline_access} only with
 * {@code prompt=consent} (OIDC Core §11), as docs/configuration.md describes it: off (IMS's way), no refresh
 * token ever arrives; on, the sign-in asks for consent and the refresh token comes.
 */
class OfflineAccessConsentTest {

    @Test
    void byDefaultNoPromptIsSentAndSuchAProviderIssuesNoRefreshToken() {
        try (SignInFixture f = SignInFixture.builder().provider(op -> op.setOfflineAccessNeedsConsent(true)).start()) {
            SignedInUser user = signIn(f);
            RecordedRequest authorize = f.op.requests("/connect/authorize").get(0);
            assertThat(authorize.first("scope").split(" ")).contains("offline_access");
            assertThat(authorize.first("prompt")).isNull();
            assertThat(user.tokens().refreshToken()).as("the symptom the docs name").isEmpty();
        }
    }

    @Test
    void withTheSettingOnTheSignInAsksForConsentAndTheRefreshTokenArrives() {
        try (SignInFixture f = SignInFixture.builder().provider(op -> op.setOfflineAccessNeedsConsent(true))
                .config(b -> b.offlineAccessPromptConsent(true)).start()) {
            SignedInUser user = signIn(f);
            assertThat(f.op.requests("/connect/authorize").get(0).first("prompt")).isEqualTo("consent");
            assertThat(user.tokens().refreshToken()).isPresent();
        }
    }

    @Test
    void withoutOfflineAccessInTheScopesTheSettingAddsNoPrompt() {
        try (SignInFixture f = SignInFixture.builder().config(b -> b.offlineAccessPromptConsent(true)
                .scopes(List.of("openid", "profile", "email"))).start()) {
            signIn(f);
            assertThat(f.op.requests("/connect/authorize").get(0).first("prompt")).isNull();
        }
    }

    private static SignedInUser signIn(SignInFixture f) {
        BrowserlessClient browser = new BrowserlessClient();
        assertThat(browser.follow(browser.signIn(f.url("/protected/"))).statusCode()).isEqualTo(200);
        return f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
    }
}
