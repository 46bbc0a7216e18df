package dev.imsauth.it.wildfly.app;

import dev.imsauth.it.app.ConfigServlet;
import dev.imsauth.it.app.RequestIdBean;
import dev.imsauth.it.app.RequestIdReader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The JAX-RS twin of CdiServlet, plus the configured greeting. */
@Path("cdi")
@RequestScoped
public class CdiResource {

    @Inject
    RequestIdBean requestIdBean;

    @Inject
    RequestIdReader reader;

    @Inject
    @ConfigProperty(name = ConfigServlet.GREETING_KEY)
    String greeting;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ids() {
        return "resource=" + requestIdBean.id() + " reader=" + reader.currentRequestId() + " greeting=" + greeting;
    }
}
