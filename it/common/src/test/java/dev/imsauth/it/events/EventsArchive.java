package dev.imsauth.it.events;

import dev.imsauth.event.ImsAuthEventListener;
import dev.imsauth.it.events.app.AuditLog;
import dev.imsauth.it.events.app.AuditServlet;
import dev.imsauth.testsupport.BrowserSession;
import dev.imsauth.testsupport.BrowserlessClient;
import java.net.URI;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The audit trail of docs/events.md added to a test WAR, and how a test signs in and reads it. */
public final class EventsArchive {
    /** Where docs/events.md says a ServiceLoader registration goes (src/main/resources ends up in WEB-INF/classes). */
    public static final String SERVICES_FILE = "META-INF/services/" + ImsAuthEventListener.class.getName();

    private EventsArchive() {
    }

    /** The audit log and the page that shows it, and, when given, listener classes registered by ServiceLoader. */
    public static WebArchive withAuditTrail(WebArchive war, List<Class<?>> listeners, List<Class<?>> serviceLoaded) {
        war.addClasses(AuditLog.class, AuditServlet.class).addClasses(listeners.toArray(Class<?>[]::new))
                .addClasses(serviceLoaded.toArray(Class<?>[]::new));
        if (!serviceLoaded.isEmpty()) {
            war.addAsResource(new StringAsset(String.join("\n", serviceLoaded.stream().map(Class::getName).toList()) + "\n"),
                    SERVICES_FILE);
        }
        return war;
    }

    /** Signs in in headless Chromium at {@code protectedUrl}; returns the session cookie's value. */
    public static String signInInChromium(String name, String protectedUrl, String expectedText) {
        try (BrowserSession browser = BrowserSession.start(name)) {
            browser.open(URI.create(protectedUrl));
            browser.waitForPageText(expectedText);
            return browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        }
    }

    /** The audit trail's lines. */
    public static List<String> audit(String auditUrl) {
        String body = new BrowserlessClient().get(auditUrl).body();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }
}
