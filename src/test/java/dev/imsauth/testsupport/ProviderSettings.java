package dev.imsauth.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The provider's adjustable, non-fault settings: time, users, token lifetime, login mode. */
final class ProviderSettings {

    private final Map<String, TestUser> users = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private volatile TestUser defaultUser = TestUser.alice();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile boolean interactiveLogin;
    private volatile boolean issParameterSupported;
    private volatile boolean offlineAccessNeedsConsent;
    private volatile boolean claimsOnlyFromUserInfo;
    private volatile boolean nonceInRefreshedIdToken;

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

    boolean interactiveLogin() {
        return interactiveLogin;
    }

    void interactiveLogin(boolean interactive) {
        interactiveLogin = interactive;
    }

    boolean issParameterSupported() {
        return issParameterSupported;
    }

    void issParameterSupported(boolean supported) {
        issParameterSupported = supported;
    }

    boolean offlineAccessNeedsConsent() {
        return offlineAccessNeedsConsent;
    }

    void offlineAccessNeedsConsent(boolean needed) {
        offlineAccessNeedsConsent = needed;
    }

    boolean claimsOnlyFromUserInfo() {
        return claimsOnlyFromUserInfo;
    }

    void claimsOnlyFromUserInfo(boolean only) {
        claimsOnlyFromUserInfo = only;
    }

    boolean nonceInRefreshedIdToken() {
        return nonceInRefreshedIdToken;
    }

    void nonceInRefreshedIdToken(boolean repeat) {
        nonceInRefreshedIdToken = repeat;
    }
}
