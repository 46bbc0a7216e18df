package dev.imsauth.conformance.server;

import java.net.URI;

/**
 * A container the suite started ({@link TomcatServer}, {@link WildFlyServer}): its process, serving every
 * deployment at {@code http://127.0.0.1:<httpPort>/<context>/}.
 */
record RunningServer(String name, ServerProcess process, int httpPort, boolean containerSecurity, long startupSeconds)
        implements AppServer {

    @Override
    public URI base(App app) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + app.context() + "/");
    }

    @Override
    public void close() {
        process.stop();
    }
}
