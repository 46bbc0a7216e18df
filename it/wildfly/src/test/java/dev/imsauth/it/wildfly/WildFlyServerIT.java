package dev.imsauth.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imsauth.it.server.SocketBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Which ports the harness checks before WildFly starts, and which server.log lines fail the run. No container
 * (a plain JUnit class); reads the standalone.xml this build unpacked and configured.
 */
class WildFlyServerIT {

    private final WildFlyServer server = new WildFlyServer();

    @Test
    void checksEverySocketBindingOfTheServersConfigurationMovedByTheOffset() throws Exception {
        String standaloneXml = Files.readString(Path.of(System.getProperty("jboss.home"),
                "standalone/configuration/standalone.xml"));

        assertThat(SocketBinding.parse(standaloneXml))
                .extracting(SocketBinding::name, binding -> binding.port(100))
                .contains(Tuple.tuple("http", 8180),
                        Tuple.tuple("https", 8543),
                        Tuple.tuple("management-http", 10090),
                        Tuple.tuple("management-https", 10093),
                        Tuple.tuple("ajp", 8109),
                        Tuple.tuple("txn-recovery-environment", 4812),
                        Tuple.tuple("txn-status-manager", 4813));
    }

    @Test
    void leavesAFixedPortWhereItIs() {
        assertThat(SocketBinding.parse("""
                <socket-binding name="jmx" port="${jmx.port:1090}" fixed-port="true"/>
                <socket-binding name="http" interface="public" port="8080"/>
                <socket-binding name="no-port" multicast-address="230.0.0.4"/>
                """)).extracting(binding -> binding.port(7))
                .containsExactly(1090, 8087);
    }

    @Test
    void failsTheRunOnTheLinesOfAStartWithErrors() {
        assertThat(server.reportsStartupFailure("2026-11-30 10:41:05,526 ERROR [org.jboss.msc.service.fail] (MSC"
                + " service thread 1-2) MSC000001: Failed to start service org.wildfly.undertow.listener.default:"
                + " … Address already in use /127.0.0.1:8180")).isTrue();
        assertThat(server.reportsStartupFailure("\tCaused by: java.net.BindException: Address already in use"))
                .isTrue();
        assertThat(server.reportsStartupFailure("2026-11-30 10:41:09,281 ERROR [org.jboss.as] (Controller Boot"
                + " Thread) WFLYSRV0026: WildFly 39.0.1.Final (WildFly Core 31.0.3.Final) started (with errors)"))
                .isTrue();
        assertThat(server.reportsStartupFailure("2026-11-30 10:35:18,374 INFO  [org.jboss.as] (Controller Boot"
                + " Thread) WFLYSRV0025: WildFly 39.0.1.Final (WildFly Core 31.0.3.Final) started in 17756ms"))
                .isFalse();
        assertThat(server.reportsStartupFailure("2026-11-30 10:35:10,001 WARN  [org.jboss.as.txn] (…) WFLYTX0013:"
                + " The node-identifier attribute on the /subsystem=transactions is set to the default value"))
                .isFalse();
    }
}
