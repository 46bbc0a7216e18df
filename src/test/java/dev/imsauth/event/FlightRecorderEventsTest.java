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
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.SettingDescriptor;
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
        // a loaded machine (other servers starting) must not fail discovery at the filter's start
        f = SignInFixture.with(b -> b.readTimeout(java.time.Duration.ofSeconds(15)));
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
        assertThat(jfrPrint(file)).contains("dev.imsauth.Callback", "dev.imsauth.TokenRequest", "dev.imsauth.JwksFetch",
                "reason = \"state_mismatch\"", "grantType = \"authorization_code\"");
    }

    /** What makes any recording (the JDK's default and profile settings included) record them, without stack traces. */
    @Test
    void theEventsAreOnByDefaultWithoutStackTraces() {
        for (Class<? extends jdk.jfr.Event> type : List.of(dev.imsauth.event.jfr.CallbackEvent.class,
                dev.imsauth.event.jfr.RefreshEvent.class, dev.imsauth.event.jfr.TokenRequestEvent.class,
                dev.imsauth.event.jfr.JwksFetchEvent.class)) {
            EventType eventType = EventType.getEventType(type);
            assertThat(EVENTS).contains(eventType.getName());
            assertThat(eventType.getSettingDescriptors()).filteredOn(d -> d.getName().equals("enabled"))
                    .extracting(SettingDescriptor::getDefaultValue).containsExactly("true");
            assertThat(eventType.getSettingDescriptors()).filteredOn(d -> d.getName().equals("stackTrace"))
                    .extracting(SettingDescriptor::getDefaultValue).containsExactly("false");
        }
    }

    /** docs/events.md's {@code jfr print --events …}, with the JDK's own tool. */
    private static String jfrPrint(Path file) throws Exception {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process p = new ProcessBuilder(jfr.toString(), "print", "--events", String.join(",", EVENTS), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
