package dev.imsauth.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns on {@link ImsAuthenticationMechanism}, the Jakarta Security route: put it on one CDI bean class of
 * the application (any class with a bean-defining annotation, e.g. {@code @ApplicationScoped}), like the
 * standard {@code @…AuthenticationMechanismDefinition} annotations.
 *
 * <pre>{@code
 * @ImsAuthenticationMechanismDefinition
 * @ApplicationScoped
 * public class SecurityConfiguration {
 * }
 * }</pre>
 *
 * The settings come from MicroProfile Config under the keys of docs/configuration.md
 * ({@code ims.client-id}, …); a missing or invalid key fails the deployment. Without the annotation the
 * library registers no mechanism, so it never competes with another one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ImsAuthenticationMechanismDefinition {
}
