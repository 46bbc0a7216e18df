package dev.imsauth.it.tomcat;

import dev.imsauth.it.server.ManagedServer;
import dev.imsauth.it.server.ServerPort;
import dev.imsauth.testsupport.LoopbackPorts;
import java.nio.file.Path;
import java.util.List;

/**
 * The managed Tomcat of this module: an HTTP connector and Arquillian's JMX connection, each on a free port unless
 * given with {@code -Dims.it.tomcat.http.port} / {@code -Dims.it.tomcat.jmx.port}; its log is
 * {@code logs/catalina.<date>.log}.
 */
public final class TomcatServer implements ManagedServer {

    static final String HTTP_PORT = "ims.it.tomcat.http.port";
    static final String JMX_PORT = "ims.it.tomcat.jmx.port";
    private static final String ANY = "0";

    @Override
    public String name() {
        return "Tomcat";
    }

    @Override
    public void choosePorts() {
        int http = ManagedServer.intProperty(HTTP_PORT, ANY, LoopbackPorts::freeToBindLater);
        System.setProperty(HTTP_PORT, Integer.toString(http));
        int jmx = ManagedServer.intProperty(JMX_PORT, ANY, () -> otherFreePort(http));
        System.setProperty(JMX_PORT, Integer.toString(jmx));
    }

    @Override
    public List<ServerPort> ports() {
        return List.of(port(HTTP_PORT, "Tomcat's HTTP connector"),
                port(JMX_PORT, "Tomcat's JMX connector (Arquillian reads the deployed servlets through it)"));
    }

    @Override
    public Path logDirectory() {
        return Path.of(System.getProperty("ims.it.catalina.home"), "logs");
    }

    @Override
    public boolean isLogFile(String fileName) {
        return fileName.startsWith("catalina.") && fileName.endsWith(".log");
    }

    @Override
    public boolean reportsStartupFailure(String line) {
        // "30-Nov-2026 10:00:00.000 SEVERE [main] …LifecycleBase.handleSubClassException Failed to initialize
        //  component [Connector["http-nio-127.0.0.1-8280"]]" and below it "Caused by: java.net.BindException: …"
        return line.contains(" SEVERE ") || line.strip().startsWith("Caused by:");
    }

    private static ServerPort port(String property, String use) {
        return new ServerPort(ManagedServer.intProperty(property, ANY, () -> 0), use + " (-D" + property + ")",
                "Stop that program, or pass -D" + property + "=N with another N, or leave it unset (the build then"
                        + " takes a free port).");
    }

    private static int otherFreePort(int taken) {
        int port;
        do {
            port = LoopbackPorts.freeToBindLater();
        } while (port == taken);
        return port;
    }
}
