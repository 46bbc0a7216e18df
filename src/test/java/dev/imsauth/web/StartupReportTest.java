package dev.imsauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.SignInFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter says once, at INFO, that it started and against what; never the secret. */
class StartupReportTest {

    @Test
    void aGoodStartLogsOneInfoLineWithIssuerClientRedirectUriAndDiscovery() {
        String secret = "startup-secret-0815";
        try (LogCapture logs = LogCapture.start(); SignInFixture f = SignInFixture.confidential(secret)) {
            List<String> started = logs.lines().stream().filter(l -> l.contains("ims-auth filter started")).toList();
            assertThat(started).singleElement().satisfies(line -> assertThat(line)
                    .contains("INFO").contains("issuer " + f.op.issuer()).contains("client portal")
                    .contains("confidential, client_secret_basic").contains("/app/signin-oidc on the request's origin")
                    .contains("discovery succeeded").doesNotContain(secret));
            assertThat(logs.text()).doesNotContain(secret);
        }
    }

    @Test
    void aStartWhileTheProviderIsDownSaysDiscoveryFailed() {
        try (LogCapture logs = LogCapture.start();
             SignInFixture f = SignInFixture.builder().provider(op -> op.faults().discoveryStatus(500))
                     .config(b -> b.redirectUri("http://localhost:8080/app/signin-oidc")).start()) {
            assertThat(logs.lines()).filteredOn(l -> l.contains("ims-auth filter started")).singleElement()
                    .satisfies(line -> assertThat(line).contains("client portal (public)")
                            .contains("redirect URI http://localhost:8080/app/signin-oidc")
                            .contains("discovery failed"));
        }
    }
}
