package dev.imsauth.conformance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Ports on 127.0.0.1 that nothing listens on right now, found at run time (other servers run beside the suite). */
public final class FreePorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private FreePorts() {
    }

    /** A port the operating system just handed out as free. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An offset that moves every one of {@code basePorts} to a free port (WildFly's
     * {@code jboss.socket.binding.port-offset}).
     */
    public static int offsetFreeingAll(int... basePorts) {
        int highest = Arrays.stream(basePorts).max().orElseThrow();
        for (int attempt = 0; attempt < 200; attempt++) {
            // every port below 32768, where the kernel hands out no ephemeral (client) ports
            int offset = ThreadLocalRandom.current().nextInt(1000, 32_768 - highest);
            if (Arrays.stream(basePorts).allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset frees all of " + Arrays.toString(basePorts) + " on 127.0.0.1");
    }
}
