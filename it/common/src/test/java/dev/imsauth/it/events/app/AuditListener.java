package dev.imsauth.it.events.app;

import dev.imsauth.event.ImsAuthEvent;
import dev.imsauth.event.ImsAuthEventListener;

/** docs/events.md's filter-route listener, named in the filter's {@code ims.event-listeners} init-param. */
public class AuditListener implements ImsAuthEventListener {
    @Override
    public void onEvent(ImsAuthEvent event) {
        AuditLog.record("init-param", event);
    }
}
