package dev.imsauth.it.events.app;

import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEventListener;

/** docs/events.md's listener found through {@code META-INF/services/dev.imsauth.event.ImsAuthEventListener}. */
public class ServiceLoadedAuditListener implements ImsAuthEventListener {
    @Override
    public void onEvent(ImsAuthEvent event) {
        AuditLog.record("service-loader", event);
    }
}
