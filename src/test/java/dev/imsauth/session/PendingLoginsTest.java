package dev.imsauth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.config.Secret;
import dev.imsauth.protocol.PendingLogin;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static PendingLogin login(String state, Instant at) {
        return new PendingLogin(state, "n-" + state, Secret.of("v-" + state), "https://app/cb", "/", List.of("openid"), at);
    }

    @Test
    void aStateCanBeTakenOnlyOnce() {
        PendingLogins p = new PendingLogins(10);
        p.add(login("s1", T0), T0, TEN_MINUTES);
        assertThat(p.take("s1")).isPresent();
        assertThat(p.take("s1")).isEmpty();
    }

    @Test
    void severalTabsKeepTheirOwnLogins() {
        PendingLogins p = new PendingLogins(10);
        p.add(login("tabA", T0), T0, TEN_MINUTES);
        p.add(login("tabB", T0), T0, TEN_MINUTES);
        assertThat(p.take("tabB").orElseThrow().nonce()).isEqualTo("n-tabB");
        assertThat(p.take("tabA").orElseThrow().nonce()).isEqualTo("n-tabA");
    }

    @Test
    void evictsTheOldestBeyondTheBound() {
        PendingLogins p = new PendingLogins(3);
        for (int i = 0; i < 10_000; i++) {
            p.add(login("s" + i, T0), T0, TEN_MINUTES);
        }
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.take("s0")).isEmpty();
        assertThat(p.take("s9999")).isPresent();
    }

    @Test
    void dropsExpiredLoginsWhenTouched() {
        PendingLogins p = new PendingLogins(10);
        p.add(login("old", T0), T0, TEN_MINUTES);
        Instant later = T0.plus(TEN_MINUTES).plusSeconds(1);
        p.add(login("new", later), later, TEN_MINUTES);
        assertThat(p.take("old")).isEmpty();
        assertThat(p.size()).isEqualTo(1);
    }

    @Test
    void isSerializableAndHidesTheVerifier() throws Exception {
        PendingLogins p = new PendingLogins(10);
        PendingLogin login = login("s", T0);
        p.add(login, T0, TEN_MINUTES);
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(p);
        assertThat(login.toString()).doesNotContain("v-s");
    }
}
