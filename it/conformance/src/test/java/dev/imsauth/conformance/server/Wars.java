package dev.imsauth.conformance.server;

import dev.imsauth.conformance.app.AdminService;
import dev.imsauth.conformance.app.AdminServlet;
import dev.imsauth.conformance.app.ReportServlet;
import dev.imsauth.conformance.app.SecurityConfiguration;
import dev.imsauth.it.LibraryArchive;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test application as the docs tell a user to build it: ims-auth and its dependencies in WEB-INF/lib, and
 * either the filter in web.xml (Tomcat quick start, docs/tomcat.md) or the mechanism annotation on a bean with
 * {@code <security-constraint>}s and MicroProfile Config (WildFly quick start, docs/wildfly.md).
 */
public final class Wars {

    private Wars() {
    }

    /** One WAR for every Tomcat deployment: the client settings come from setenv.sh or the context file. */
    public static Path tomcat(Path file) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClass(ReportServlet.class)
                .setWebXML(new StringAsset(webXml("""
                          <filter>
                            <filter-name>ims-auth</filter-name>
                            <filter-class>dev.imsauth.servlet.ImsAuthFilter</filter-class>
                            <init-param>
                              <param-name>ims.public-paths</param-name>
                              <param-value>/ /public/*</param-value>
                            </init-param>
                            <init-param>
                              <param-name>ims.api-paths</param-name>
                              <param-value>/api/*</param-value>
                            </init-param>
                          </filter>
                          <filter-mapping>
                            <filter-name>ims-auth</filter-name>
                            <url-pattern>/*</url-pattern>
                          </filter-mapping>
                        """)))
                .addAsManifestResource(new StringAsset("""
                        <Context>
                          <CookieProcessor className="org.apache.tomcat.util.http.Rfc6265CookieProcessor" sameSiteCookies="lax"/>
                        </Context>
                        """), "context.xml");
        return export(LibraryArchive.addImsAuth(war), file);
    }

    /** A WildFly WAR for {@code app}, its settings in META-INF/microprofile-config.properties. */
    public static Path wildfly(Path file, App app, String issuer) {
        Map<String, String> settings = new LinkedHashMap<>(App.commonSettings(issuer));
        settings.putAll(app.clientSettings());
        settings.put("ims.api-paths", "/api/*");
        WebArchive war = ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClasses(ReportServlet.class, SecurityConfiguration.class, AdminService.class, AdminServlet.class)
                .setWebXML(new StringAsset(webXml("""
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>signed-in</web-resource-name>
                              <url-pattern>/page/*</url-pattern>
                              <url-pattern>/api/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                        """)))
                .addAsResource(new StringAsset(settings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                        .collect(Collectors.joining("\n", "", "\n"))), "META-INF/microprofile-config.properties");
        return export(LibraryArchive.addImsAuth(war), file);
    }

    private static String webXml(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                %s
                  <session-config>
                    <cookie-config>
                      <http-only>true</http-only>
                    </cookie-config>
                    <tracking-mode>COOKIE</tracking-mode>
                  </session-config>
                </web-app>
                """.formatted(body);
    }

    private static Path export(WebArchive war, Path file) {
        war.addAsWebResource(new StringAsset("<!DOCTYPE html><html><head><title>home</title></head>"
                + "<body><p id=\"home\">public home page</p></body></html>"), "index.html");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
