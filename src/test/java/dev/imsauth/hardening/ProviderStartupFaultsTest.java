package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ImsAuthConfig;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.JettyApp;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.SelfSignedTlsServer;
import dev.imsauth.testsupport.SignInFixture;
import dev.imsauth.testsupport.TestOpenIdProvider;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the provider says (or fails to say) while the app starts: discovery down, oversized or
 * inconsistent, endpoints over plain http, a certificate nobody trusts, and RFC 9207's promise of an
 * iss parameter. The app must boot anyway and answer sign-in attempts with 503 (or reject them),
 * never redirect a browser to an endpoint it did not vet. Each test starts its own provider and app.
 */
class ProviderStartupFaultsTest {
    private SignInFixture f;
    private final BrowserlessClient browser = new BrowserlessClient();

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    @Catalogue("F06")
    void anOversizedDiscoveryDocumentLeavesSignInUnavailable() {
        start(op -> op.faults().hugeBody(ProviderPaths.DISCOVERY, 100L * 1024 * 1024));
        assertUnavailable(browser.get(f.url("/protected/")));
    }

    @Test
    @Catalogue("F06")
    void anOversizedJwksFailsTheSignInAsAProviderFault() {
        start(op -> op.faults().hugeBody(ProviderPaths.JWKS, 100L * 1024 * 1024));
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("signing keys could not be loaded");
    }

    @Test
    @Catalogue("F12")
    void aDiscoveryDocumentNamingAnotherIssuerDisablesSignIn() {
        start(op -> op.faults().discoveryIssuer("https://evil.example"));
        HttpResponse<String> r = browser.get(f.url("/protected/"));
        assertUnavailable(r);
        assertThat(r.body()).contains("issuer");
        assertThat(f.op.authorizeCalls()).isZero();
    }

    @Test
    @Catalogue("F13")
    void whileDiscoveryFailsTheAppBootsAnswers503AndRecoversAfterTheRetryInterval() {
        start(op -> op.faults().discoveryStatus(500));
        int attempts = f.op.discoveryCalls();
        assertThat(attempts).as("tried once at start").isEqualTo(1);
        assertUnavailable(browser.get(f.url("/protected/")));
        f.op.faults().reset();
        assertUnavailable(browser.get(f.url("/protected/")));
        assertThat(f.op.discoveryCalls()).as("no retry storm within the 10 s back-off").isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(11));
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        assertThat(f.op.discoveryCalls()).isEqualTo(2);
    }

    @Test
    @Catalogue("F14")
    void discoveredEndpointsOverPlainHttpAreRefused() {
        start(op -> op.faults().endpointBase("http://idp.example"));
        HttpResponse<String> r = browser.get(f.url("/protected/"));
        assertUnavailable(r);
        assertThat(r.body()).contains("https");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    @Catalogue("F16")
    void aProviderWithASelfSignedCertificateIsNotTrusted() throws Exception {
        try (SelfSignedTlsServer tls = SelfSignedTlsServer.start()) {
            ImsAuthConfig config = ImsAuthConfig.builder().issuer(tls.origin()).clientId("portal")
                    .readTimeout(Duration.ofSeconds(2)).build();
            OidcClient client = OidcClient.create(config.provider(), config.signIn());
            JettyApp app = JettyApp.start(client);
            try {
                HttpResponse<String> r = browser.get(app.base() + "/protected/");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).contains("provider_unavailable").doesNotContain("Exception");
                assertThat(tls.requests()).as("no request got past the handshake").isZero();
            } finally {
                app.close();
            }
        }
    }

    @Test
    @Catalogue("C19")
    void whenTheProviderPromisesTheIssParameterACallbackWithoutItIsRejected() {
        start(op -> op.setIssParameterSupported(true));
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        f.op.faults().omitAuthorizationResponseIss(true);
        f.op.clearRequests();
        BrowserlessClient other = new BrowserlessClient();
        HttpResponse<String> r = other.follow(other.startSignIn(f.url("/protected/")));
        assertRejected(f, other, r, 401, "issuer_mismatch");
        assertThat(f.op.tokenCalls()).isZero();
    }

    private void start(Consumer<TestOpenIdProvider> providerSetup) {
        f = SignInFixture.builder().provider(providerSetup).config(b -> b.readTimeout(Duration.ofSeconds(1))).start();
    }

    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("provider_unavailable").doesNotContain("Exception");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }
}
