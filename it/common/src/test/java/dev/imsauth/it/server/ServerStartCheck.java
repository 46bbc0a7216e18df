package dev.imsauth.it.server;

import dev.imsauth.testsupport.LoopbackPorts;
import java.util.List;
import org.jboss.arquillian.container.spi.event.StartContainer;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;

/**
 * Wraps Arquillian's start of the managed server so that a server that cannot work fails the run at once, with the
 * cause in the Maven output rather than only in the server's log:
 * <ul>
 *   <li>before the start, every port it will open must be free on 127.0.0.1, else the failure names the port,
 *       what wanted it and the fix;</li>
 *   <li>after the start, the lines its log gained must report no failure: WildFly "started (with errors)" when a
 *       socket binding failed ("Address already in use" only in server.log, then every deployment fails with
 *       "WFLYCTL0063 … failure message: undefined"); Tomcat's connector that failed to bind;</li>
 *   <li>when the start itself fails (e.g. a time-out), the failure carries those log lines too.</li>
 * </ul>
 */
public final class ServerStartCheck {

    public void aroundStart(@Observes EventContext<StartContainer> start) {
        ManagedServer server = ManagedServer.current();
        requireFreePorts(server);
        StartupLog log = StartupLog.mark(server.logDirectory(), server::isLogFile);
        try {
            start.proceed();
        } catch (Exception e) { // the adapters throw Arquillian's checked LifecycleException through proceed()
            throw new IllegalStateException(server.name() + " did not start: " + e + "." + failures(server, log), e);
        }
        String failures = failures(server, log);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(server.name() + " started with errors, so the tests cannot run."
                    + failures);
        }
    }

    private static void requireFreePorts(ManagedServer server) {
        List<String> busy = server.ports().stream()
                .filter(port -> !LoopbackPorts.isFree(port.port()))
                .map(port -> LoopbackPorts.inUse(port.port(), port.use(), port.fix()))
                .toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException(server.name() + " cannot start: " + String.join(" ", busy));
        }
    }

    private static String failures(ManagedServer server, StartupLog log) {
        List<String> lines = log.newLines(server::reportsStartupFailure);
        return lines.isEmpty() ? ""
                : " From " + log.describe() + ":\n  " + String.join("\n  ", lines)
                        + "\n(A port in use? it/README.md, \"Ports\", says how to choose others.)";
    }
}
