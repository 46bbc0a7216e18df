package dev.imsauth.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The provider's adjustable, non-fault settings: time, users, token lifetime, login mode. */
final class ProviderSettings {

    private final Map<String, TestUser> users = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private volatile TestUser defaultUser = TestUser.alice();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private final Set<Switch> on = ConcurrentHashMap.newKeySet();

    /** Behaviours that are on or off, all off at start; TestOpenIdProvider's setters say what each does. */
    enum Switch {
        INTERACTIVE_LOGIN, ISS_PARAMETER_SUPPORTED, OFFLINE_ACCESS_NEEDS_CONSENT, CLAIMS_ONLY_FROM_USERINFO,
        NONCE_IN_REFRESHED_ID_TOKEN
    }

    Instant now() {
        return clock.instant();
    }

    void clock(Clock newClock) {
        clock = Objects.requireNonNull(newClock);
    }

    void defaultUser(TestUser user) {
        defaultUser = Objects.requireNonNull(user);
    }

    TestUser defaultUser() {
        return defaultUser;
    }

    void addUser(TestUser user) {
        users.put(user.subject(), user);
    }

    /** The user a login hint names: a known user by subject or email, else one made from the hint. */
    TestUser userFor(String hint) {
        if (hint == null || hint.isBlank()) {
            return defaultUser;
        }
        TestUser known = users.get(hint);
        if (known != null) {
            return known;
        }
        return users.values().stream().filter(u -> hint.equalsIgnoreCase(u.email())).findFirst()
                .orElseGet(() -> TestUser.fromLoginHint(hint));
    }

    Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    void accessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
        accessTokenLifetime = lifetime;
    }

    boolean is(Switch option) {
        return on.contains(option);
    }

    void set(Switch option, boolean value) {
        if (value) {
            on.add(option);
        } else {
            on.remove(option);
        }
    }
}
