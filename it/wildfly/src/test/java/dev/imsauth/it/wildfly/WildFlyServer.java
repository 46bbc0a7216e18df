package dev.imsauth.it.wildfly;

import dev.imsauth.it.server.ManagedServer;
import dev.imsauth.it.server.ServerPort;
import dev.imsauth.it.server.SocketBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The managed WildFly of this module. Every socket binding of its standalone.xml (http, https, management-http
 * and -https, ajp, the transaction manager's two) moves by one port offset: a free one found at run time, where
 * every binding is free on 127.0.0.1, unless given with {@code -Dims.it.wildfly.port-offset=N}. Its log is
 * {@code standalone/log/server.log}.
 */
public final class WildFlyServer implements ManagedServer {

    /** Set by the pom from -Dims.it.wildfly.port-offset; read by arquillian.xml and the Arquillian adapter. */
    static final String OFFSET = "jboss.socket.binding.port-offset";
    private static final String AUTO = "auto";
    private static final String OFFSET_OPTION = "-Dims.it.wildfly.port-offset";

    @Override
    public String name() {
        return "WildFly";
    }

    @Override
    public void choosePorts() {
        System.setProperty(OFFSET, Integer.toString(ManagedServer.intProperty(OFFSET, AUTO, this::freeOffset)));
    }

    @Override
    public List<ServerPort> ports() {
        int offset = ManagedServer.intProperty(OFFSET, AUTO, () -> 0);
        return bindings().stream().map(binding -> new ServerPort(binding.port(offset),
                "WildFly's " + binding.name() + " socket binding (" + binding.basePort() + " + port offset " + offset
                        + ")",
                "Stop that program, or pass " + OFFSET_OPTION + "=N with an offset where every WildFly port is"
                        + " free, or leave it unset (the build then finds one).")).toList();
    }

    @Override
    public Path logDirectory() {
        return jbossHome().resolve("standalone/log");
    }

    @Override
    public boolean isLogFile(String fileName) {
        return fileName.equals("server.log");
    }

    @Override
    public boolean reportsStartupFailure(String line) {
        // "… ERROR [org.jboss.msc.service.fail] … MSC000001: Failed to start service …: Address already in use",
        // "Caused by: java.net.BindException: …", "WFLYSRV0026: WildFly … started (with errors) in 4211ms - …"
        return line.contains(" ERROR [") || line.strip().startsWith("Caused by:") || line.contains("(with errors)");
    }

    private int freeOffset() {
        return SocketBinding.freeOffset(bindings(), port -> true, "choose one with " + OFFSET_OPTION + "=N");
    }

    private static List<SocketBinding> bindings() {
        Path config = jbossHome().resolve("standalone/configuration/standalone.xml");
        try {
            return SocketBinding.parse(Files.readString(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WildFly's socket bindings from " + config, e);
        }
    }

    private static Path jbossHome() {
        return Path.of(System.getProperty("jboss.home"));
    }
}
