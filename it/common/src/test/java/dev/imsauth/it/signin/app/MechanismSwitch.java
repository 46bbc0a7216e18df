package dev.imsauth.it.signin.app;

import dev.imsauth.security.ImsAuthenticationMechanismDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** How an application turns the ims-auth Jakarta Security mechanism on: the annotation on one CDI bean. */
@ImsAuthenticationMechanismDefinition
@ApplicationScoped
public class MechanismSwitch {
}
