package dev.imsauth.it.signin;

import dev.imsauth.it.LibraryArchive;
import dev.imsauth.it.SmokeArchive;
import dev.imsauth.it.signin.app.AccountPageServlet;
import dev.imsauth.it.signin.app.PageServlet;
import dev.imsauth.it.signin.app.SignInRestApplication;
import dev.imsauth.it.signin.app.SignOutServlet;
import dev.imsauth.it.signin.app.TokenReport;
import dev.imsauth.it.signin.app.TokenResource;
import dev.imsauth.it.signin.app.TokenServlet;
import dev.imsauth.it.signin.app.UserInfoApi;
import dev.imsauth.testsupport.ProviderPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sign-in test application both containers deploy: pages, the token and user beans in a servlet, a
 * JAX-RS resource and an application-scoped API client, a logout servlet, and ims-auth in WEB-INF/lib.
 * Each container adds how sign-in is switched on (mechanism or filter) and what is protected.
 */
public final class SignInArchive {

    /** The client id the test provider knows the application by. */
    public static final String CLIENT_ID = "it-portal";

    private SignInArchive() {
    }

    /** The settings of ims-auth for an application signing in at {@code issuer}, by key. */
    public static Map<String, String> imsSettings(String issuer) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ims.issuer", issuer);
        settings.put("ims.client-id", CLIENT_ID);
        settings.put("ims.redirect-uri", "/signin-oidc");
        settings.put("ims.allow-insecure-loopback", "true");
        settings.put("ims.principal-claim", "preferred_username");
        settings.put("ims.groups-claim", "roles");
        return settings;
    }

    /**
     * The application, calling the userinfo endpoint of {@code issuer}, with
     * {@code META-INF/microprofile-config.properties} holding {@code mpConfig} (none when empty).
     */
    public static WebArchive create(String name, String issuer, Map<String, String> mpConfig) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClasses(PageServlet.class, TokenServlet.class, TokenResource.class, TokenReport.class,
                        UserInfoApi.class, SignOutServlet.class, SignInRestApplication.class, AccountPageServlet.class)
                .addAsWebInfResource(new StringAsset(SmokeArchive.BEANS_XML), "beans.xml")
                .addAsResource(properties(Map.of(UserInfoApi.URL_KEY, issuer + ProviderPaths.USERINFO)),
                        UserInfoApi.SETTINGS);
        if (!mpConfig.isEmpty()) {
            war.addAsResource(properties(mpConfig), "META-INF/microprofile-config.properties");
        }
        return LibraryArchive.addImsAuth(war);
    }

    private static StringAsset properties(Map<String, String> values) {
        return new StringAsset(values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }

    /** A web.xml with this body inside {@code <web-app>}. */
    /** A web.xml whose only security constraint asks a signed-in user (any role) for {@code /protected/*}. */
    public static StringAsset protectedWebXml() {
        return webXml("""
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>signed-in users</web-resource-name>
                      <url-pattern>/protected/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                """);
    }

    public static StringAsset webXml(String body) {
        return new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                  <!-- @RolesAllowed on JAX-RS resources (RESTEasy) -->
                  <context-param>
                    <param-name>resteasy.role.based.security</param-name>
                    <param-value>true</param-value>
                  </context-param>
                %s
                </web-app>
                """.formatted(body));
    }
}
