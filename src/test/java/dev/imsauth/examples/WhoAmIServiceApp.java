package dev.imsauth.examples;

import dev.imsauth.client.ITwinClient;
import dev.imsauth.client.ITwinUser;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ServiceClientSettings;

public final class WhoAmIServiceApp {

    public static void main(String[] args) {
        // ims.client-id, ims.client-secret, ims.service-scopes, … as -D system properties or IMS_* variables
        ServiceClientSettings settings = ServiceClientSettings.load(
                ConfigSource.systemProperties().orElse(ConfigSource.environment()));
        ITwinClient itwin = ITwinClient.forService(settings);   // its own ServiceTokenProvider inside

        ITwinUser me = itwin.me();                               // GET /users/me with the service's token
        System.out.println("Calling iTwin APIs as " + me.displayName());
    }
}
