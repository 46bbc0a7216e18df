package dev.imsauth.example;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.imsauth.testsupport.LoopbackPorts;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What ./run-example.sh says before it starts anything when one of its ports is taken. */
class RunExampleTest {

    @Test
    void namesTheTakenPortAndTheOptionThatPicksAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            int port = taken.getLocalPort();

            assertThatIllegalStateException()
                    .isThrownBy(() -> RunExample.requireFree(port, "the example app", "--port N"))
                    .withMessage("Port " + port + " on 127.0.0.1, wanted by the example app, is in use by another"
                            + " program. Stop that program, or choose another port: ./run-example.sh --port N.");
        }
    }

    @Test
    void letsAFreePortThrough() {
        int port = LoopbackPorts.free();

        assertThatNoException().isThrownBy(() -> RunExample.requireFree(port, "the example app", "--port N"));
    }
}
