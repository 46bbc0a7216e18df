package dev.imsauth.it.service.app;

import dev.imsauth.client.ITwinClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class ServiceAccount {

    @Inject
    ITwinClient itwin;                       // sends the service app's token; set up by MicroProfile Config

    public String displayName() {
        return itwin.me().displayName();     // GET /users/me
    }
}
