package dev.imsauth.it.wildfly.app;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** Method security on an EJB: the identity the mechanism established must reach it. */
@Stateless
public class AdminService {

    @Resource
    SessionContext sessionContext;

    @RolesAllowed("admin")
    public String whoAmI() {
        return sessionContext.getCallerPrincipal().getName();
    }
}
