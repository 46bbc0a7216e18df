package dev.imsauth.conformance;

import dev.imsauth.conformance.server.App;
import dev.imsauth.conformance.server.AppServer;
import dev.imsauth.conformance.server.Keycloak;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests the run's one Keycloak and the container of their class's {@link OnServer}. Keycloak starts at
 * the first test that needs it and stops when the whole run ends (JUnit closes the root store); a container
 * starts when the first class on it runs and stops when a class on another container comes, or at the end —
 * so one container runs at a time. Classes are ordered by name (junit-platform.properties), which keeps each
 * container's classes together. A server that failed to start fails every later test that needs it at once.
 */
public final class ConformanceSuite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceSuite.class);
    private static final System.Logger LOG = System.getLogger(ConformanceSuite.class.getName());

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Keycloak.class || type == AppServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Keycloak keycloak = keycloak(context);
        if (parameter.getParameter().getType() == Keycloak.class) {
            return keycloak;
        }
        ServerKind kind = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OnServer.class)
                .map(OnServer::value)
                .orElseThrow(() -> new ParameterResolutionException(context.getRequiredTestClass()
                        + " needs @OnServer to be given an AppServer"));
        return store(context).getOrComputeIfAbsent(ServerSlot.class, key -> new ServerSlot(), ServerSlot.class)
                .serverFor(kind, keycloak);
    }

    @SuppressWarnings("unchecked")
    private static Keycloak keycloak(ExtensionContext context) {
        return ((Started<Keycloak>) store(context).getOrComputeIfAbsent("keycloak",
                key -> Started.of(Keycloak::start), Started.class)).get();
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    /** A server, or why it did not start (so that later tests fail fast instead of starting it again). */
    private record Started<T extends AutoCloseable>(T server, RuntimeException failure) implements AutoCloseable {

        static <T extends AutoCloseable> Started<T> of(java.util.function.Supplier<T> start) {
            try {
                return new Started<>(start.get(), null);
            } catch (RuntimeException e) {
                return new Started<>(null, e);
            }
        }

        T get() {
            if (failure != null) {
                throw failure;
            }
            return server;
        }

        @Override
        public void close() {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot stop " + server, e);
                }
            }
        }
    }

    /** The one container running now. */
    private static final class ServerSlot implements AutoCloseable {
        private ServerKind kind;
        private Started<AppServer> current;

        AppServer serverFor(ServerKind wanted, Keycloak keycloak) {
            if (wanted != kind) {
                close();
                kind = wanted;
                current = Started.of(() -> wanted.start(keycloak.issuer()));
                if (current.failure() == null) {
                    AppServer server = current.server();
                    LOG.log(System.Logger.Level.INFO, "[conformance] {0} up in {1} s (Keycloak took {2} s)",
                            server.name(), server.startupSeconds(), keycloak.startupSeconds());
                    // Keycloak's back-channel logout calls go to the server under test
                    for (App app : List.of(App.PORTAL, App.BASIC, App.ONLINE)) {
                        keycloak.admin().setClientAttribute(app.clientId(), "backchannel.logout.url",
                                server.base(app) + "backchannel-logout");
                    }
                }
            }
            return current.get();
        }

        @Override
        public void close() {
            if (current != null && current.server() != null) {
                current.server().close();
            }
            current = null;
            kind = null;
        }
    }
}
