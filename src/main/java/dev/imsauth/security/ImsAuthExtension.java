package dev.imsauth.security;

import dev.imsauth.config.ImsAuthConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers {@link ImsAuthenticationMechanism} as an application-scoped bean when, and only when, a bean
 * class of the application carries {@link ImsAuthenticationMechanismDefinition}; then loads and validates
 * the configuration at deployment, so a missing or invalid key stops the deployment with a message that
 * names the key. Where the MicroProfile Health API is present, it also adds {@link ImsAuthReadinessCheck}.
 * Registered through {@code META-INF/services}; does nothing in applications that sign in through the filter.
 */
public class ImsAuthExtension implements Extension {
    private static final System.Logger LOG = System.getLogger(ImsAuthExtension.class.getName());
    private static final String JAKARTA_SECURITY =
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism";
    private static final String MICROPROFILE_HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    private final List<String> enabledBy = new ArrayList<>();

    void findDefinition(@Observes @WithAnnotations(ImsAuthenticationMechanismDefinition.class)
                        ProcessAnnotatedType<?> event) {
        if (event.getAnnotatedType().isAnnotationPresent(ImsAuthenticationMechanismDefinition.class)) {
            enabledBy.add(event.getAnnotatedType().getJavaClass().getName());
        }
    }

    void addMechanism(@Observes AfterTypeDiscovery event) {
        if (enabled() && jakartaSecurityPresent()) {
            event.addAnnotatedType(ImsAuthenticationMechanism.class, ImsAuthenticationMechanism.class.getName())
                    .add(ApplicationScoped.Literal.INSTANCE);
            if (present(MICROPROFILE_HEALTH)) {
                event.addAnnotatedType(ImsAuthReadinessCheck.class, ImsAuthReadinessCheck.class.getName())
                        .add(ApplicationScoped.Literal.INSTANCE);
            }
        }
    }

    void requireJakartaSecurity(@Observes AfterBeanDiscovery event) {
        if (enabled() && !jakartaSecurityPresent()) {
            event.addDefinitionError(new IllegalStateException("@ImsAuthenticationMechanismDefinition on "
                    + enabledBy + " needs Jakarta Security (jakarta.security.enterprise), which this container "
                    + "does not have; on Tomcat, sign in with dev.imsauth.servlet.ImsAuthFilter instead"));
        }
    }

    void loadConfiguration(@Observes AfterDeploymentValidation event, BeanManager beans) {
        if (!enabled()) {
            return;
        }
        try {
            ImsAuthRuntime runtime = beans.createInstance().select(ImsAuthRuntime.class).get();
            runtime.warmUp();
            LOG.log(System.Logger.Level.DEBUG, "ims-auth Jakarta Security mechanism enabled by {0} for client {1}",
                    enabledBy, runtime.provider().clientId());
        } catch (RuntimeException e) {
            ImsAuthConfigException bad = configProblem(e);
            event.addDeploymentProblem(bad != null ? bad : e);
        }
    }

    private boolean enabled() {
        return !enabledBy.isEmpty();
    }

    private static boolean jakartaSecurityPresent() {
        return present(JAKARTA_SECURITY);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ImsAuthExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ImsAuthConfigException configProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImsAuthConfigException c) {
                return c;
            }
        }
        return null;
    }
}
