package dev.imsauth.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.event.ImsAuthEvent.Type;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.LogoutTokens;
import dev.imsauth.testsupport.RecordedRequest;
import dev.imsauth.testsupport.SignInFixture;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter route's events, as a listener named in {@code ims.event-listeners} sees them (read here from a system
 * property, the filter's last fallback after init-params and context-params), on a real Jetty against the test
 * provider. A second listener named before it always throws: the sign-in goes on, and the failure is logged once.
 */
class EventsFromTheFilterTest {
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static SignInFixture f;
    private BrowserlessClient browser;
    private LogCapture logs;

    @BeforeAll
    static void start() {
        System.setProperty(ConfigKey.EVENT_LISTENERS.key(), RecordingListener.Throwing.class.getName() + ", "
                + RecordingListener.class.getName());
        try {
            f = SignInFixture.publicClient();
        } finally {
            System.clearProperty(ConfigKey.EVENT_LISTENERS.key());
        }
        f.op.setClock(f.clock).setAccessTokenLifetime(LIFETIME);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void freshBrowser() {
        f.op.faults().reset();
        f.clock.set(Instant.now());
        browser = new BrowserlessClient();
        logs = LogCapture.start();
        RecordingListener.drain();
    }

    @AfterEach
    void closeLogs() {
        logs.close();
    }

    @Test
    void aSignInIsReportedWithSubjectHashedSessionIdAndTiming() {
        Instant before = f.clock.instant();
        HttpResponse<String> page = browser.follow(browser.signIn(f.url("/protected/page")));

        assertThat(page.statusCode()).as("a throwing listener does not break the sign-in").isEqualTo(200);
        List<ImsAuthEvent> events = RecordingListener.drain();
        assertThat(events).extracting(ImsAuthEvent::type).containsExactly(Type.SIGNED_IN);
        ImsAuthEvent signedIn = events.get(0);
        String sessionId = sessionId();
        assertThat(signedIn.subject()).contains("alice");
        assertThat(signedIn.sessionIdHash()).contains(SessionIds.hash(sessionId));
        assertThat(signedIn.reason()).isEqualTo(ImsAuthEvent.OK);
        assertThat(signedIn.at()).isAfterOrEqualTo(before);
        assertThat(signedIn.duration().isNegative()).isFalse();
        assertThat(signedIn.toString()).doesNotContain(sessionId);
    }

    @Test
    void noEventHoldsATokenCodeVerifierOrTheSessionId() throws Exception {
        browser.follow(browser.signIn(f.url("/protected/page")));
        SignedInUser user = f.app.userInSession(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow();
        String sessionId = sessionId();
        f.clock.advance(LIFETIME.minusSeconds(10));
        browser.get(f.url("/protected/page"));
        browser.post(f.url("/logout"), "", Map.of("Origin", f.app.origin()));
        RecordedRequest codeExchange = f.op.requests("/connect/token").stream()
                .filter(r -> "authorization_code".equals(r.first("grant_type"))).reduce((a, b) -> b).orElseThrow();
        List<String> secrets = new ArrayList<>(List.of(user.tokens().accessToken(), user.tokens().refreshToken().orElseThrow(),
                user.tokens().idToken().orElseThrow(), codeExchange.first("code"), codeExchange.first("code_verifier"),
                sessionId));

        List<ImsAuthEvent> events = RecordingListener.drain();

        assertThat(events).extracting(ImsAuthEvent::type)
                .containsExactly(Type.SIGNED_IN, Type.REFRESHED, Type.SIGNED_OUT_PROVIDER);
        for (ImsAuthEvent event : events) {
            for (String shown : everythingShown(event)) {
                for (String secret : secrets) {
                    assertThat(shown).as("%s of %s", shown, event.type()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void aRejectedCallbackCarriesTheFailuresReason() {
        HttpResponse<String> page = browser.get(f.app.redirectUri() + "?code=x&state=never-issued");

        assertThat(page.statusCode()).isEqualTo(401);
        List<ImsAuthEvent> events = RecordingListener.drain();
        assertThat(events).extracting(ImsAuthEvent::type, ImsAuthEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Type.CALLBACK_REJECTED, "state_mismatch"));
        assertThat(events.get(0).subject()).isEmpty();
    }

    @Test
    void aRefreshAndARefusedRefreshAreReported() {
        browser.follow(browser.signIn(f.url("/protected/page")));
        String hash = SessionIds.hash(sessionId());
        f.clock.advance(LIFETIME.minusSeconds(10));
        browser.get(f.url("/protected/page"));
        f.op.faults().rejectRefreshTokens(true);
        f.clock.advance(LIFETIME.minusSeconds(10));
        browser.get(f.url("/protected/page"));

        List<ImsAuthEvent> events = RecordingListener.drain();

        assertThat(events).extracting(ImsAuthEvent::type, ImsAuthEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Type.SIGNED_IN, "ok"),
                org.assertj.core.groups.Tuple.tuple(Type.REFRESHED, "ok"),
                org.assertj.core.groups.Tuple.tuple(Type.REFRESH_FAILED, "token_rejected"));
        assertThat(events).allSatisfy(e -> assertThat(e.sessionIdHash()).contains(hash));
        assertThat(events).allSatisfy(e -> assertThat(e.subject()).contains("alice"));
    }

    @Test
    void aBackChannelLogoutIsReportedWhenItEndsTheSession() {
        browser.follow(browser.signIn(f.url("/protected/page")));
        String hash = SessionIds.hash(sessionId());
        LogoutTokens tokens = f.op.logoutTokens(SignInFixture.CLIENT_ID);
        String logoutToken = tokens.valid("alice", f.op.sessionId("alice").orElseThrow());
        assertThat(new BrowserlessClient().post(f.url("/backchannel-logout"),
                "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8), Map.of()).statusCode())
                .isEqualTo(200);

        browser.get(f.url("/protected/page"));

        List<ImsAuthEvent> events = RecordingListener.drain();
        assertThat(events).extracting(ImsAuthEvent::type).containsExactly(Type.SIGNED_IN, Type.SIGNED_OUT_BACK_CHANNEL);
        assertThat(events.get(1).sessionIdHash()).contains(hash);
        assertThat(events.get(1).reason()).isEqualTo("backchannel_logout");
    }

    @Test
    void aThrowingListenerIsLoggedOnceNotAtEverySignIn() {
        browser.follow(browser.signIn(f.url("/protected/page")));
        new BrowserlessClient().follow(new BrowserlessClient().signIn(f.url("/protected/page")));
        BrowserlessClient third = new BrowserlessClient();
        third.follow(third.signIn(f.url("/protected/page")));

        assertThat(RecordingListener.drain()).as("the listener after the broken one got every event")
                .extracting(ImsAuthEvent::type).containsOnly(Type.SIGNED_IN).hasSizeGreaterThanOrEqualTo(2);
        long reports = logs.lines().stream().filter(l -> l.contains(RecordingListener.Throwing.class.getName())).count();
        assertThat(reports).isLessThanOrEqualTo(1);
        assertThat(logs.text()).doesNotContain("broken on purpose");
    }

    /** The container's id of the browser's session (Jetty's cookie appends {@code .nodeN}). */
    private String sessionId() {
        return f.app.session(browser.sessionId(f.url("/")).orElseThrow()).orElseThrow().getId();
    }

    /** toString and the value of every public no-argument accessor. */
    static List<String> everythingShown(ImsAuthEvent event) throws Exception {
        List<String> shown = new ArrayList<>(List.of(event.toString()));
        for (Method m : ImsAuthEvent.class.getMethods()) {
            if (m.getParameterCount() == 0 && m.getDeclaringClass() == ImsAuthEvent.class) {
                shown.add(String.valueOf(m.invoke(event)));
            }
        }
        assertThat(shown).hasSizeGreaterThan(6);
        return shown;
    }
}
