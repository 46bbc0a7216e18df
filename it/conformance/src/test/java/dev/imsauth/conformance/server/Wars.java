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
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test application as the docs tell a user to build it: ims-auth and its dependencies in WEB-INF/lib, and
 * either the filter in web.xml (Tomcat quick start, docs/tomcat.md) or the mechanism annotation on a bean with
 * {@code <security-constraint>}s and MicroProfile Config (WildFly quick start, docs/wildfly.md); for Tomcat 9 the
 * {@code javax} artifact with a Servlet 4.0 web.xml (docs/tomcat9.md).
 */
public final class Wars {

    /** Servlet 6.0 (Jakarta EE 10). */
    private static final String JAKARTA_WEB_APP = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">""";
    /** Servlet 4.0 (Java EE 8), as docs/tomcat9.md step 2 gives it. */
    private static final String JAVAX_WEB_APP = """
            <web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://xmlns.jcp.org/xml/ns/javaee http://xmlns.jcp.org/xml/ns/javaee/web-app_4_0.xsd"
                     version="4.0">""";

    private Wars() {
    }

    /** One WAR for every Tomcat deployment: the client settings come from setenv.sh or the context file. */
    public static Path tomcat(Path file) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClass(ReportServlet.class);
        return export(LibraryArchive.addImsAuth(withFilter(war, JAKARTA_WEB_APP)), file);
    }

    /**
     * The same for Tomcat 9 as docs/tomcat9.md builds it: the {@code javax} jar and its dependencies (no Jakarta
     * jar), a Servlet 4.0 web.xml, and the test servlet's class with its {@code jakarta.servlet} references
     * renamed to {@code javax.servlet} ({@link JavaxClasses}).
     */
    public static Path tomcat9(Path file) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .add(new ByteArrayAsset(JavaxClasses.rename(ReportServlet.class)),
                        "WEB-INF/classes/" + ReportServlet.class.getName().replace('.', '/') + ".class")
                .addAsLibraries(JavaxClasses.libraries());
        return export(withFilter(war, JAVAX_WEB_APP), file);
    }

    /** docs/tomcat.md (and docs/tomcat9.md) step 2: the filter in web.xml, SameSite=Lax from context.xml. */
    private static WebArchive withFilter(WebArchive war, String webApp) {
        return war.setWebXML(new StringAsset(webXml(webApp, """
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
    }

    /** A WildFly WAR for {@code app}, its settings in META-INF/microprofile-config.properties. */
    public static Path wildfly(Path file, App app, String issuer) {
        Map<String, String> settings = new LinkedHashMap<>(App.commonSettings(issuer));
        settings.putAll(app.clientSettings());
        settings.put("ims.api-paths", "/api/*");
        WebArchive war = ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClasses(ReportServlet.class, SecurityConfiguration.class, AdminService.class, AdminServlet.class)
                .setWebXML(new StringAsset(webXml(JAKARTA_WEB_APP, """
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

    private static String webXml(String webApp, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s
                %s
                  <session-config>
                    <cookie-config>
                      <http-only>true</http-only>
                    </cookie-config>
                    <tracking-mode>COOKIE</tracking-mode>
                  </session-config>
                </web-app>
                """.formatted(webApp, body);
    }

    private static Path export(WebArchive war, Path file) {
        war.addAsWebResource(new StringAsset("<!DOCTYPE html><html><head><title>home</title></head>"
                + "<body><p id=\"home\">public home page</p></body></html>"), "index.html");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
