package dev.imsauth.testsupport;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every JUnit Jupiter test class of the suite (META-INF/services plus
 * {@code junit.jupiter.extensions.autodetection.enabled}): after each class, no secret the test
 * providers issued or received may appear in a library log line (any level) or in an application
 * response (error pages, redirects, headers). See {@link SecretLedger}.
 */
public final class LogHygieneExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getParent().flatMap(ExtensionContext::getParent).isEmpty()) {
            SecretLedger.startScope();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
            return; // a @Nested class: its outer class checks
        }
        List<String> leaks = SecretLedger.leaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("log hygiene: " + leaks.size() + " secret(s) leaked in "
                    + context.getDisplayName() + ":\n  " + String.join("\n  ", leaks.subList(0, Math.min(10, leaks.size()))));
        }
    }
}
