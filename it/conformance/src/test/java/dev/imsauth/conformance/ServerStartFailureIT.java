package dev.imsauth.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.imsauth.conformance.server.SuiteSettings;
import dev.imsauth.conformance.server.TomcatServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A container that starts with errors fails the run with the cause from its log, not later with a vague 404. */
class ServerStartFailureIT {

    @Test
    void failsWithTheCauseWhenTomcatCannotBindItsPort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                    () -> TomcatServer.start("Tomcat busy-port", SuiteSettings.path("ims.conformance.tomcat10.home"),
                            "http://127.0.0.1:1/realms/none", busy.getLocalPort()).close());
            assertThat(failure).hasMessageContaining("Tomcat busy-port started with errors")
                    .hasMessageContaining("Address already in use")
                    .hasMessageContaining("tomcat-busy-port.log");
        }
    }
}
