package dev.imsauth.it;

import dev.imsauth.it.app.CdiServlet;
import dev.imsauth.it.app.ConfigServlet;
import dev.imsauth.it.app.PingServlet;
import dev.imsauth.it.app.RequestIdBean;
import dev.imsauth.it.app.RequestIdReader;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR content every container must serve: a plain servlet, CDI request scope seen from a servlet,
 * and MicroProfile Config read from the WAR. Container tests add their own classes and libraries.
 */
public final class SmokeArchive {

    public static final String GREETING_VALUE = "hello from microprofile-config.properties";

    public static final String BEANS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="annotated"/>
            """;

    private SmokeArchive() {
    }

    public static WebArchive create(String name) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(PingServlet.class, RequestIdBean.class, RequestIdReader.class, CdiServlet.class,
                        ConfigServlet.class)
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset(ConfigServlet.GREETING_KEY + "=" + GREETING_VALUE + "\n"),
                        "META-INF/microprofile-config.properties");
    }
}
