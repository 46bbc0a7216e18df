package dev.imsauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Ports on 127.0.0.1 for the servers that the tests, the container harnesses (it/) and the example start:
 * a free one found at run time, or a check that a chosen one is free, failing with a message that names
 * the port and the fix. Other programs (and other builds on the same machine) may hold any fixed port.
 */
public final class LoopbackPorts {

    /** 127.0.0.1, where every test server listens. */
    public static final InetAddress LOOPBACK = loopback();

    /** Linux's default ip_local_port_range starts here; ports at and above it go to outgoing connections. */
    public static final int FIRST_EPHEMERAL_PORT = 32768;
    /** Below this sit the well-known ports of databases, caches and development servers. */
    private static final int FIRST_UNUSUAL_PORT = 15000;

    private LoopbackPorts() {
    }

    /** A port on 127.0.0.1 that was free a moment ago (the kernel's pick). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }

    /**
     * A free port for a server that another process opens later (a container the build starts): picked at random
     * below the kernel's ephemeral range (32768 and up), so that no outgoing connection takes it meanwhile.
     */
    public static int freeToBindLater() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_UNUSUAL_PORT, FIRST_EPHEMERAL_PORT);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + FIRST_UNUSUAL_PORT + " and "
                + FIRST_EPHEMERAL_PORT + " after 1000 tries");
    }

    /**
     * A port offset for a server that moves all its ports by one offset (WildFly's
     * {@code jboss.socket.binding.port-offset}): picked at random from {@code smallest} up to where the highest base
     * port stays below the ephemeral range, until every port of {@code portsAt(offset)} is free; empty after
     * {@code attempts} tries.
     */
    public static OptionalInt freeOffset(int smallest, int highestBasePort, int attempts,
                                         IntFunction<IntStream> portsAt) {
        int largest = FIRST_EPHEMERAL_PORT - 1 - highestBasePort;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(smallest, largest + 1);
            if (portsAt.apply(offset).allMatch(LoopbackPorts::isFree)) {
                return OptionalInt.of(offset);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether a server could listen on 127.0.0.1:{@code port} now. Counts a port as busy when anything listens
     * on it, on 127.0.0.1 or on every address (0.0.0.0, [::]); a port whose old connections linger in
     * TIME_WAIT counts as free, as it does for Tomcat, Jetty and WildFly (which bind with SO_REUSEADDR).
     */
    public static boolean isFree(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port number: " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Throws {@link IllegalStateException} unless {@code port} is free: "Port 8080 on 127.0.0.1, wanted by
     * {@code server}, is in use by another program. {@code fix}".
     */
    public static void requireFree(int port, String server, String fix) {
        if (!isFree(port)) {
            throw new IllegalStateException(inUse(port, server, fix));
        }
    }

    /** The message of {@link #requireFree}, for a caller that found the port busy some other way. */
    public static String inUse(int port, String server, String fix) {
        return "Port " + port + " on 127.0.0.1, wanted by " + server + ", is in use by another program. " + fix;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
