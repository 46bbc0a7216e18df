package dev.imsauth.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The port checks the harnesses and the example rely on, against ports this test holds itself. */
class LoopbackPortsTest {

    @Test
    void findsAPortAServerCanListenOn() throws Exception {
        int port = LoopbackPorts.free();

        assertThat(LoopbackPorts.isFree(port)).isTrue();
        try (ServerSocket server = new ServerSocket(port, 1, LoopbackPorts.LOOPBACK)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void picksPortsForLaterBelowTheEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.freeToBindLater();

            assertThat(port).isBetween(1024, LoopbackPorts.FIRST_EPHEMERAL_PORT - 1);
            assertThat(LoopbackPorts.isFree(port)).isTrue();
        }
    }

    @Test
    void testProviderOnABusyPortSaysWhichPortAndWhatToDo() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> TestOpenIdProvider.start(held.getLocalPort()))
                    .withMessageStartingWith("Port " + held.getLocalPort() + " on 127.0.0.1, wanted by the test OpenID"
                            + " provider, is in use by another program.");
        }
    }

    @Test
    void countsAPortHeldOnLoopbackAsBusyAndNamesItAndTheFix() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            int port = held.getLocalPort();

            assertThat(LoopbackPorts.isFree(port)).isFalse();
            assertThatIllegalStateException()
                    .isThrownBy(() -> LoopbackPorts.requireFree(port, "the test server", "Pass -Dtest.port=N."))
                    .withMessage("Port " + port + " on 127.0.0.1, wanted by the test server, is in use by another"
                            + " program. Pass -Dtest.port=N.");
        }
    }

    @Test
    void countsAPortHeldOnEveryAddressAsBusy() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(0), 1);

            assertThat(LoopbackPorts.isFree(held.getLocalPort())).isFalse();
        }
    }
}
