package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.SignInExtension;
import dev.imsauth.testsupport.SignInFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalogue F01-F09: the token endpoint misbehaving while a sign-in completes. Provider calls have a
 * 1 s deadline here ({@code ims.read-timeout}), so hangs and drips fail fast. Every failure is a
 * rejection with nothing stored, one token call (a code is never retried) and no parser text leaked.
 */
class ProviderFaultsTest {
    @RegisterExtension
    static final SignInExtension SIGN_IN = new SignInExtension(
            SignInFixture.builder().config(b -> b.readTimeout(Duration.ofSeconds(1))));
    private final SignInFixture f = SIGN_IN.fixture();
    private final BrowserlessClient browser = new BrowserlessClient();

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    @Catalogue("F01")
    void aTokenEndpointServerErrorIsAProviderFaultAndTheCodeIsNotRetried(int status) {
        f.op.faults().tokenStatus(status);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("HTTP " + status);
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    @Catalogue("F02")
    void anInvalidGrantIsARejectedSignInLoggedWithItsErrorCodeAndDescription() {
        f.op.faults().tokenResponse(400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}");
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
            assertRejected(f, browser, r, 401, "token_rejected");
            assertThat(r.body()).contains("invalid_grant").contains("code expired");
            assertThat(log.text()).contains("token_rejected").contains("invalid_grant").contains("code expired");
        }
        assertThat(f.op.tokenCalls()).isEqualTo(1);
    }

    @Test
    void aRefusedCodeExchangeShowsTheProvidersReason() {
        // Keycloak, offline_access requested for a user without that role
        f.op.faults().tokenResponse(400, "application/json",
                "{\"error\":\"not_allowed\",\"error_description\":\"Offline tokens not allowed for the user or client\"}");
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
            assertRejected(f, browser, r, 401, "token_rejected");
            assertThat(r.body()).contains("not_allowed").contains("Offline tokens not allowed for the user or client");
            assertThat(log.text()).contains("not_allowed").contains("Offline tokens not allowed for the user or client");
        }
    }

    @Test
    @Catalogue("F02")
    void aHostileErrorDescriptionIsEscapedFlattenedAndCut() {
        String description = "<script>alert(1)</script>\\r\\nX-Injected: yes\\u202e " + "a".repeat(1000);
        f.op.faults().tokenResponse(400, "application/json",
                "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}");
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
            assertRejected(f, browser, r, 401, "token_rejected");
            assertThat(r.body()).doesNotContain("<script>").doesNotContain("\r").doesNotContain("\u202e")
                    .doesNotContain("a".repeat(201));
            assertThat(log.lines()).filteredOn(l -> l.contains("invalid_grant")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.substring(l.indexOf('\n') + 1).strip()).doesNotContain("\n").doesNotContain("\r")
                            .doesNotContain("\u202e").doesNotContain("a".repeat(201)));
        }
    }

    @Test
    @Catalogue("F03")
    void aTokenEndpointThatNeverAnswersTimesOutAtTheDeadline() {
        f.op.faults().tokenDelay(Duration.ofSeconds(4));
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        long started = System.nanoTime();
        HttpResponse<String> r = browser.follow(callback);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("did not answer in time");
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    @Test
    @Catalogue("F04")
    void aTokenResponseDrippedByteByByteHitsTheOverallDeadlineNotJustAReadTimeout() {
        f.op.faults().tokenDrip(Duration.ofMillis(50));
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        long started = System.nanoTime();
        HttpResponse<String> r = browser.follow(callback);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(took).as("each byte arrives well within any read timeout; only a deadline stops it")
                .isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    @Test
    @Catalogue("F05")
    void anHtmlPageWithStatus200IsAProviderFaultWithoutParserDetails() {
        f.op.faults().tokenResponse(200, "text/html", "<html><body>Maintenance</body></html>");
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("unreadable").doesNotContain("Maintenance").doesNotContain("ParseException");
    }

    @Test
    @Catalogue("F06")
    void aHundredMegabyteTokenResponseIsCutAtTheSizeCap() {
        f.op.faults().tokenHugeBody(100L * 1024 * 1024);
        HttpResponse<String> callback = browser.startSignIn(f.url("/protected/"));
        long started = System.nanoTime();
        HttpResponse<String> r = browser.follow(callback);
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("oversized");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @ParameterizedTest(name = "token_type {0}")
    @ValueSource(strings = {"mac", "DPoP", "none", "-"})
    @Catalogue("F07")
    void aTokenTypeOtherThanBearerIsAProviderFault(String type) {
        if (type.equals("-")) {
            f.op.faults().omitTokenType(true);
        } else {
            f.op.faults().tokenType(type);
        }
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
    }

    @ParameterizedTest(name = "token_type {0}")
    @ValueSource(strings = {"bearer", "BEARER"})
    @Catalogue("F07")
    void bearerInAnyCaseIsAccepted(String type) {
        f.op.faults().tokenType(type);
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
    }

    @Test
    @Catalogue("F08")
    void aTokenResponseWithoutAccessTokenIsAProviderFault() {
        f.op.faults().omitAccessToken(true);
        assertRejected(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), 502, "provider_fault");
    }

    @Test
    @Catalogue("F09")
    void withoutExpiresInTheTokensGetAShortDefaultLifetime() {
        f.op.faults().omitExpiresIn(true);
        SignedInUser user = assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))),
                "/app/protected/");
        assertThat(user.tokens().expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(user.tokens().expiresWithin(f.clock.instant(), Duration.ofMinutes(6))).isTrue();
    }
}
