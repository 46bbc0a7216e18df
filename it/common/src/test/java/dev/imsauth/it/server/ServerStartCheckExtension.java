package dev.imsauth.it.server;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link ServerStartCheck} (META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension). */
public final class ServerStartCheckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ServerStartCheck.class);
    }
}
