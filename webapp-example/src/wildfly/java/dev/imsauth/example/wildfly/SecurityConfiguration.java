package dev.imsauth.example.wildfly;

import dev.imsauth.security.ImsAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * WildFly only (built into the WAR by {@code -Pwildfly}): turns on ims-auth's Jakarta Security mechanism
 * instead of the filter. Settings come from MicroProfile Config: {@code META-INF/microprofile-config.properties}
 * for the application's, the environment ({@code IMS_CLIENT_ID}, …) or system properties for the deployment's.
 */
@ImsAuthenticationMechanismDefinition
@ApplicationScoped
public class SecurityConfiguration {
}
