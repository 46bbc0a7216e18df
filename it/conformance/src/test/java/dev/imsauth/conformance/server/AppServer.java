package dev.imsauth.conformance.server;

import java.net.URI;

/** A container running the test application's deployments ({@link App#all()}) on 127.0.0.1 and a free port. */
public interface AppServer extends AutoCloseable {

    /** E.g. {@code Tomcat 10.1.59}. */
    String name();

    /** The deployment's root, ending in {@code /}: {@code http://127.0.0.1:<port>/<context>/}. */
    URI base(App app);

    /** Whether {@code <security-constraint>} and {@code @RolesAllowed} see the user (the mechanism route). */
    boolean containerSecurity();

    long startupSeconds();

    @Override
    void close();
}
