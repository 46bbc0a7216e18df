package dev.imsauth.it.signin.app;

import dev.imsauth.cdi.ImsTokens;
import dev.imsauth.cdi.ImsUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;

/** The token and user beans injected into a JAX-RS resource, and {@code @RolesAllowed} on one of its methods. */
@Path("tokens")
@RequestScoped
public class TokenResource {

    @Inject
    ImsTokens tokens;

    @Inject
    ImsUser user;

    @Inject
    UserInfoApi api;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String report(@Context SecurityContext security) throws IOException, InterruptedException {
        return TokenReport.of(security.getUserPrincipal(), tokens, user, api);
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin=" + user.subject();
    }
}
