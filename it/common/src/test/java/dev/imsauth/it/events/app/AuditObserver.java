package dev.imsauth.it.events.app;

import dev.imsauth.event.ImsAuthEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** docs/events.md's CDI observer on the Jakarta Security mechanism route. */
@ApplicationScoped
public class AuditObserver {
    void onImsAuthEvent(@Observes ImsAuthEvent event) {
        AuditLog.record("cdi", event);
    }
}
