package dev.imsauth.conformance.server;

import dev.imsauth.testsupport.LoopbackPorts;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for the servers the suite starts, found free at run time ({@link LoopbackPorts} for single ports). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A free port for a server process started next (below the kernel's ephemeral range). */
    public static int any() {
        return LoopbackPorts.freeToBindLater();
    }

    /**
     * An offset that moves every one of {@code basePorts} to a free port below the ephemeral range (WildFly's
     * {@code jboss.socket.binding.port-offset}).
     */
    public static int offsetFreeingAll(int... basePorts) {
        int highest = Arrays.stream(basePorts).max().orElseThrow();
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(1000, LoopbackPorts.FIRST_EPHEMERAL_PORT - highest);
            if (Arrays.stream(basePorts).allMatch(port -> LoopbackPorts.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("No port offset frees all of " + Arrays.toString(basePorts) + " on 127.0.0.1");
    }
}
