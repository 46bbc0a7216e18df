package dev.imsauth.it.service;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.SmokeArchive;
import dev.imsauth.it.service.app.ServiceAccount;
import dev.imsauth.it.service.app.ServiceAccountServlet;
import dev.imsauth.it.service.app.SessionServlet;
import dev.imsauth.it.service.app.UsersMeServlet;
import dev.imsauth.it.signin.SignInArchive;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A WAR that only calls iTwin APIs as a service app (docs/service-clients.md): a plain servlet configured by
 * web.xml context-params, a CDI bean with {@code @Inject ITwinClient} configured by MicroProfile Config, and
 * ims-auth in WEB-INF/lib — no ImsAuthFilter, no mechanism, no redirect URI, no openid.
 */
public final class ServiceClientsArchive {

    /** The client id the test provider knows the service app by. */
    public static final String CLIENT_ID = "it-service";
    public static final String SECRET = "it-service-secret-73b";

    private ServiceClientsArchive() {
    }

    public static WebArchive create(String name, String issuer, String apiBaseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.issuer", issuer);
        settings.put("ims.client-id", CLIENT_ID);
        settings.put("ims.client-secret", SECRET);
        settings.put("ims.api-base-url", apiBaseUrl);
        settings.put("ims.allow-insecure-loopback", "true");
        String contextParams = settings.entrySet().stream()
                .map(e -> "  <context-param><param-name>" + e.getKey() + "</param-name><param-value>" + e.getValue()
                        + "</param-value></context-param>")
                .collect(Collectors.joining("\n"));
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClasses(UsersMeServlet.class, ServiceAccount.class, ServiceAccountServlet.class, SessionServlet.class)
                .addAsWebInfResource(new StringAsset(SmokeArchive.BEANS_XML), "beans.xml")
                .setWebXML(SignInArchive.webXml(contextParams))
                .addAsResource(new StringAsset(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n"))), "META-INF/microprofile-config.properties");
        return LibraryArchive.addImsAuth(war);
    }
}
