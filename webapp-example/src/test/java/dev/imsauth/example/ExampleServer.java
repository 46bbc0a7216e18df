package dev.imsauth.example;

import dev.imsauth.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Runs the exploded example WAR ({@code target/ims-auth-webapp-example}) in an embedded Tomcat 10.1
 * on 127.0.0.1, at the context root.
 *
 * <p>The WAR is deployed the way a standalone Tomcat would: web.xml, annotations in WEB-INF/classes
 * and the web-fragments, ServletContainerInitializers and annotations of the jars in WEB-INF/lib are
 * all processed. The test class path itself (Selenium, JUnit, Tomcat) is not scanned, as in a real
 * deployment; the web app's classes come from the WAR, child first.
 *
 * <p>Tests: {@code try (ExampleServer server = ExampleServer.start(0)) { server.baseUri() … }}.
 * By hand: {@code mvn -B -f webapp-example -Prun package} (see {@link RunExample}).
 */
public final class ExampleServer implements AutoCloseable {

    /** System property: the exploded WAR directory (set by the pom; default derived from this class's location). */
    public static final String WAR_DIR_PROPERTY = "example.war.dir";
    /** System property: the port {@link #main} listens on (default 8080). */
    public static final String PORT_PROPERTY = "example.port";

    private static final System.Logger LOG = System.getLogger(ExampleServer.class.getName());
    private static final String WAR_NAME = "ims-auth-webapp-example";

    private final Tomcat tomcat;
    private final Path baseDir;
    private final URI baseUri;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ExampleServer(Tomcat tomcat, Path baseDir, URI baseUri, Duration startupTime) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.baseUri = baseUri;
        this.startupTime = startupTime;
    }

    /** Starts the example WAR on {@code port} (0 picks a free one). */
    public static ExampleServer start(int port) {
        return start(port, defaultWarDir());
    }

    /** Starts the exploded WAR in {@code warDir} on {@code port} (0 picks a free one). */
    public static ExampleServer start(int port, Path warDir) {
        return start(port, warDir, Map.of());
    }

    /** Starts the example WAR with these context parameters (e.g. {@code ims.client-id}) on {@code port}. */
    public static ExampleServer start(int port, Map<String, String> contextParameters) {
        return start(port, defaultWarDir(), contextParameters);
    }

    /**
     * Starts the exploded WAR in {@code warDir} on {@code port} (0 picks a free one), with context parameters as a
     * {@code <Parameter>} in Tomcat's context.xml would set them. When the web app fails to start (a filter's
     * {@code init} threw, e.g. ims-auth over a bad configuration) the exception names the cause.
     */
    public static ExampleServer start(int port, Path warDir, Map<String, String> contextParameters) {
        requireExplodedWar(warDir);
        long started = System.nanoTime();
        Path baseDir = createBaseDir(warDir);
        Tomcat tomcat = new Tomcat();
        try (StartupFailures failures = StartupFailures.watch()) {
            configure(tomcat, baseDir, port, warDir, contextParameters);
            tomcat.start();
            requireListening(tomcat.getConnector(), port);
            Context context = (Context) tomcat.getHost().findChild("");
            if (context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("The example web app did not start (state " + context.getState()
                        + ")" + failures.firstCause().map(c -> ": " + c).orElse("; the Tomcat log above says why."));
            }
        } catch (LifecycleException | RuntimeException e) {
            stopQuietly(tomcat, baseDir);
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("Embedded Tomcat did not start on 127.0.0.1:" + port, e);
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        URI baseUri = URI.create("http://localhost:" + tomcat.getConnector().getLocalPort() + "/");
        LOG.log(System.Logger.Level.INFO, "Example app up at {0} in {1} ms", baseUri, startupTime.toMillis());
        return new ExampleServer(tomcat, baseDir, baseUri, startupTime);
    }

    /** Tomcat logs a connector that cannot bind and starts without it; the example must not run unreachable. */
    private static void requireListening(Connector connector, int port) {
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() < 0) {
            throw new IllegalStateException(port != 0 && !LoopbackPorts.isFree(port)
                    ? LoopbackPorts.inUse(port, "the example app", "Choose another port (0: any free one).")
                    : "Embedded Tomcat could not listen on 127.0.0.1:" + port + " (connector " + connector.getState()
                            + "); the Tomcat log above says why.");
        }
    }

    private static void configure(Tomcat tomcat, Path baseDir, int port, Path warDir,
                                  Map<String, String> contextParameters) throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.getHost().setAutoDeploy(false);
        tomcat.getHost().setDeployOnStartup(false);

        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);

        Context context = tomcat.addWebapp("", warDir.toAbsolutePath().toString());
        contextParameters.forEach(context::addParameter);
        // The web app's parent is the loader that holds Tomcat and the Jakarta APIs. Without this it
        // would be the JVM's system loader, which under exec:java is Maven's and has no servlet API.
        context.setParentClassLoader(ExampleServer.class.getClassLoader());
        // Scan WEB-INF/lib and WEB-INF/classes (the defaults) but not the test class path: its jars
        // would otherwise count as container jars and their fragments/SCIs would join the app.
        StandardJarScanner jarScanner = new StandardJarScanner();
        jarScanner.setScanClassPath(false);
        jarScanner.setScanManifest(false);
        context.setJarScanner(jarScanner);
        if (context instanceof StandardContext standard) {
            // A servlet that throws in init() fails the start instead of leaving a half-working app.
            standard.setFailCtxIfServletStartFails(true);
            // Leak clean-up on undeploy needs --add-opens and is pointless for a one-shot server.
            standard.setClearReferencesObjectStreamClassCaches(false);
            standard.setClearReferencesRmiTargets(false);
            standard.setClearReferencesThreadLocals(false);
        }
        if (!jasperPresent()) {
            // Tomcat's default web.xml registers the JSP servlet by class name; without Jasper on the
            // class path it cannot load, which (above) would fail the start.
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    removeServlet(context, "jsp");
                }
            });
        }
    }

    private static boolean jasperPresent() {
        try {
            Class.forName("org.apache.jasper.servlet.JspServlet", false, ExampleServer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void removeServlet(Context context, String servletName) {
        Container servlet = context.findChild(servletName);
        if (servlet == null) {
            return;
        }
        for (String pattern : context.findServletMappings()) {
            if (servletName.equals(context.findServletMapping(pattern))) {
                context.removeServletMapping(pattern);
            }
        }
        context.removeChild(servlet);
    }

    /** {@code http://localhost:<port>/}, with the trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@code baseUri()} resolved against a relative path such as {@code "profile"}. */
    public URI uri(String relativePath) {
        return baseUri.resolve(relativePath);
    }

    public int port() {
        return baseUri.getPort();
    }

    /** From {@code new Tomcat()} until the web app has started. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Blocks until the JVM is stopped (Ctrl-C). */
    public void await() {
        tomcat.getServer().await();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly(tomcat, baseDir);
        }
    }

    static Path defaultWarDir() {
        String configured = System.getProperty(WAR_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // target/test-classes/ -> target/ims-auth-webapp-example, whatever the working directory
        try {
            Path classes = Path.of(ExampleServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve(WAR_NAME);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", WAR_NAME);
        }
    }

    private static void requireExplodedWar(Path warDir) {
        if (!Files.isRegularFile(warDir.resolve("WEB-INF/web.xml"))) {
            throw new IllegalStateException("No exploded WAR at " + warDir.toAbsolutePath()
                    + ". Build it first: mvn -B -f webapp-example package (the browser tests are *IT and run"
                    + " in `verify`, after `package`), or point -D" + WAR_DIR_PROPERTY + " at one.");
        }
    }

    private static Path createBaseDir(Path warDir) {
        try {
            Path parent = warDir.toAbsolutePath().getParent();
            Path baseDir = Files.createTempDirectory(parent, "tomcat-");
            Files.createDirectories(baseDir.resolve("webapps"));
            return baseDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Tomcat base directory next to " + warDir, e);
        }
    }

    private static void stopQuietly(Tomcat tomcat, Path baseDir) {
        try {
            if (tomcat.getServer().getState().isAvailable()) {
                tomcat.stop();
            }
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Embedded Tomcat did not stop cleanly", e);
        }
        deleteRecursively(baseDir);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete " + dir, e);
        }
    }
}
