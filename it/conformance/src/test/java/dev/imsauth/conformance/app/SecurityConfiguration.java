package dev.imsauth.conformance.app;

import dev.imsauth.security.ImsAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The WildFly WAR's switch, exactly as README's WildFly quick start, step 3, shows it. */
@ImsAuthenticationMechanismDefinition
@ApplicationScoped
public class SecurityConfiguration {
}
