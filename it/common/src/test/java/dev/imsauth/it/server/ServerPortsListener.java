package dev.imsauth.it.server;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the managed server's free ports when the test JVM's JUnit session opens, before Arquillian reads
 * arquillian.xml (which takes them from system properties). Registered in
 * META-INF/services/org.junit.platform.launcher.LauncherSessionListener.
 */
public final class ServerPortsListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ManagedServer.current().choosePorts();
    }
}
