package dev.imsauth.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flight Recorder events of a sign-in against the test provider, read back from the recording file the way
 * {@code jfr print --events dev.imsauth.Callback,dev.imsauth.TokenRequest,dev.imsauth.JwksFetch} reads them
 * (docs/events.md).
 */
class FlightRecorderEventsTest {
    private static final List<String> EVENTS = List.of("dev.imsauth.Callback", "dev.imsauth.TokenRequest",
            "dev.imsauth.JwksFetch", "dev.imsauth.Refresh");
    private static SignInFixture f;

    @BeforeAll
    static void start() {
        f = SignInFixture.publicClient();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aSignInRecordsTheCallbackTheTokenRequestAndTheJwksFetch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sign-in.jfr");
        BrowserlessClient browser = new BrowserlessClient();
        SignedInUser user;
        try (Recording recording = new Recording()) {
            EVENTS.forEach(recording::enable);
            recording.start();
            browser.follow(browser.signIn(f.url("/protected/page")));
            browser.get(f.app.redirectUri() + "?code=x&state=never-issued");
            recording.stop();
            recording.dump(file);
        }
        user = f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.imsauth.")).toList();

        assertThat(events).extracting(e -> e.getEventType().getName() + " " + e.getString("outcome") + " "
                + e.getString("reason")).contains(
                "dev.imsauth.Callback ok ok",
                "dev.imsauth.Callback failed state_mismatch",
                "dev.imsauth.TokenRequest ok ok",
                "dev.imsauth.JwksFetch ok ok");
        RecordedEvent token = events.stream().filter(e -> e.getEventType().getName().equals("dev.imsauth.TokenRequest"))
                .findFirst().orElseThrow();
        assertThat(token.getString("grantType")).isEqualTo("authorization_code");
        assertThat(token.getInt("httpStatus")).isEqualTo(200);
        assertThat(token.getEventType().getCategoryNames()).containsExactly("ims-auth");
        assertThat(token.getStackTrace()).as("no stack traces: low cost").isNull();

        RecordedRequest exchange = f.op.requests("/connect/token").get(0);
        List<String> secrets = List.of(user.tokens().accessToken(), user.tokens().refreshToken().orElseThrow(),
                user.tokens().idToken().orElseThrow(), exchange.first("code"), exchange.first("code_verifier"));
        String recorded = String.join("\n", events.stream().map(RecordedEvent::toString).toList())
                + new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertThat(recorded).doesNotContain(secret);
        }
    }
}
