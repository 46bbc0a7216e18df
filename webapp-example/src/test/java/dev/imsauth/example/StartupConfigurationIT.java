package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad or missing ims-auth setting stops the example at start, with a message that names the key and the fix;
 * the app never comes up half-configured to fail at the first sign-in.
 */
class StartupConfigurationIT {

    @Test
    void missingClientIdNamesTheKeyTheEnvironmentVariableAndWhereToGetIt() {
        assumeTrue(System.getenv("IMS_CLIENT_ID") == null && System.getProperty("ims.client-id") == null,
                "a client id is configured in this environment");

        assertThatIllegalStateException()
                .isThrownBy(() -> ExampleServer.start(0, Map.of()))
                .withMessageContaining("ims.client-id: is missing")
                .withMessageContaining("IMS_CLIENT_ID")
                .withMessageContaining("developer.bentley.com");
    }

    @Test
    void plainHttpIssuerNamesTheSettingThatAllowsItLocally() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ExampleServer.start(0, Map.of("ims.client-id", "example",
                        "ims.issuer", "http://127.0.0.1:9000", "ims.allow-insecure-loopback", "false")))
                .withMessageContaining("ims.issuer: uses http on a loopback host")
                .withMessageContaining("ims.allow-insecure-loopback=true");
    }

    @Test
    void malformedDurationNamesTheKeyAndTheExpectedFormat() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ExampleServer.start(0, Map.of("ims.client-id", "example", "ims.clock-skew", "a bit")))
                .withMessageContaining("ims.clock-skew: must be a duration such as 500ms, 30s, 10m or PT30S");
    }
}
