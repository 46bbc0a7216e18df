package dev.imsauth.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Asserts that no secret reached a log line: every code, verifier, token and client secret the test
 * provider received (query, form and Authorization header), plus the values a test names.
 */
public final class LogHygiene {
    private static final Set<String> SECRET_PARAMS = Set.of("code", "code_verifier", "client_secret", "token",
            "refresh_token", "access_token", "id_token_hint");

    private LogHygiene() {
    }

    /** Fails when any secret value the provider saw, or any of {@code more}, occurs in the captured logs. */
    public static void assertNoSecrets(LogCapture logs, TestOpenIdProvider op, Collection<String> more) {
        List<String> secrets = new ArrayList<>(more.stream().filter(Objects::nonNull).toList());
        for (RecordedRequest r : op.requests()) {
            for (String p : SECRET_PARAMS) {
                String v = r.first(p);
                if (v != null) {
                    secrets.add(v);
                }
            }
            String auth = r.header("Authorization");
            if (auth != null && auth.contains(" ")) {
                secrets.add(auth.substring(auth.indexOf(' ') + 1));
            }
        }
        String text = logs.text();
        for (String secret : secrets) {
            if (secret.length() >= 8) {
                // a boolean assertion, so that a failure does not print the secret either
                assertThat(text.contains(secret)).as("a secret value (%d chars) reached the log", secret.length()).isFalse();
            }
        }
    }
}
