package dev.imsauth.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * The suite-wide log-hygiene check. Every secret the test providers hand out or receive (codes, access,
 * refresh and ID tokens, PKCE verifiers, client secrets) is registered here, and so is everything a
 * user or an operator would see: each log line of the library (captured at all levels, debug included)
 * and each response of an application (status, headers and body; the provider's own responses, which
 * carry codes and tokens by design, are left out, and so is an application's redirect to the provider,
 * the front channel where RP-Initiated Logout puts the ID token as id_token_hint). {@link #leaks()}
 * finds any secret in that evidence.
 *
 * <p>Static on purpose: the providers, browsers and logs of a whole test class feed it, and
 * {@link LogHygieneExtension} checks it after every class. Test code only.
 */
public final class SecretLedger {
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^A-Za-z0-9_~\\-]+");
    private static final int MIN_WORD = 16;
    private static final Set<String> secretWords = ConcurrentHashMap.newKeySet();
    private static final Set<String> secretPhrases = ConcurrentHashMap.newKeySet();
    private static final Set<String> providerOrigins = ConcurrentHashMap.newKeySet();
    private static final ConcurrentLinkedQueue<String> evidence = new ConcurrentLinkedQueue<>();
    private static final Handler LOG_HANDLER = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            evidence.add("log: " + formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    static {
        Logger library = Logger.getLogger("dev.imsauth");
        library.setLevel(Level.ALL);
        LOG_HANDLER.setLevel(Level.ALL);
        library.addHandler(LOG_HANDLER);
    }

    private SecretLedger() {
    }

    /** Registers a secret value. A JWT counts by its payload and signature (its header is not secret). */
    public static void secret(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String[] parts = value.split("\\.");
        boolean jwt = parts.length == 3 && value.startsWith("eyJ");
        for (int i = jwt ? 1 : 0; i < parts.length; i++) {
            for (String word : WORD_SEPARATORS.split(parts[i])) {
                if (word.length() >= MIN_WORD) {
                    secretWords.add(word);
                }
            }
        }
        if (!WORD_SEPARATORS.matcher(value).replaceAll("").equals(value) || value.length() < MIN_WORD) {
            if (value.length() >= 8) {
                secretPhrases.add(value);
            }
        }
    }

    /** Marks a provider origin: responses from it are not evidence (they carry codes and tokens by design). */
    public static void providerOrigin(String origin) {
        providerOrigins.add(origin.toLowerCase(Locale.ROOT));
    }

    /** True when a URL belongs to a test provider. */
    public static boolean isProvider(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return providerOrigins.stream().anyMatch(o -> u.startsWith(o + "/") || u.equals(o));
    }

    /** Records something a user, an attacker or an operator sees: an error page, a header, a log line. */
    public static void evidence(String where, String text) {
        evidence.add(where + ": " + text);
    }

    /** Starts a new scope: forgets the evidence collected so far (secrets stay known). */
    public static void startScope() {
        ensureLogging();
        evidence.clear();
    }

    /** Re-attaches the log handler (a test may have reset logging) and keeps the library at all levels. */
    public static void ensureLogging() {
        Logger library = Logger.getLogger("dev.imsauth");
        library.setLevel(Level.ALL);
        for (Handler h : library.getHandlers()) {
            if (h == LOG_HANDLER) {
                return;
            }
        }
        library.addHandler(LOG_HANDLER);
    }

    /** How many pieces of evidence this scope holds (so a check can show it looked at something). */
    public static int evidenceCount() {
        return evidence.size();
    }

    /** Every piece of evidence that contains a known secret, with the secret masked. */
    public static List<String> leaks() {
        List<String> found = new ArrayList<>();
        for (String text : evidence) {
            for (String word : WORD_SEPARATORS.split(text)) {
                if (word.length() >= MIN_WORD && secretWords.contains(word)) {
                    found.add(mask(text, word));
                }
            }
            for (String phrase : secretPhrases) {
                if (text.contains(phrase)) {
                    found.add(mask(text, phrase));
                }
            }
        }
        return found;
    }

    private static String mask(String text, String secret) {
        String masked = text.replace(secret, secret.substring(0, 4) + "****");
        return masked.length() > 300 ? masked.substring(0, 300) + "…" : masked;
    }
}
