package dev.imsauth.conformance.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/** An EJB only administrators may call (WildFly WAR only): the container enforces {@code @RolesAllowed}. */
@Stateless
public class AdminService {

    @RolesAllowed("admin")
    public String adminOnly() {
        return "admin-only";
    }
}
