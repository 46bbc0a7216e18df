package dev.imsauth.protocol;

import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link HttpClient} the library created, with what it started, so that an undeploy can release it:
 * its own executor (daemon threads named {@code ims-auth-http-N}, instead of the JDK's
 * {@code HttpClient-N-Worker-M}), shut down by {@link #close()}; on Java 21 and later the client itself is
 * shut down too ({@code HttpClient.shutdownNow()}, looked up at run time: the library targets Java 17). On
 * Java 17 the JDK's {@code HttpClient-N-SelectorManager} thread cannot be stopped; it ends by itself once the
 * client is garbage-collected, and it is created with the platform class loader as its context class loader,
 * so it does not hold the application's class loader. A client handed in by the application is never closed.
 */
public final class OwnedHttpClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OwnedHttpClient.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private final HttpClient client;
    private final ExecutorService executor;

    private OwnedHttpClient(HttpClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    /** A client with this connect timeout, no redirects, HTTP/1.1, and its own executor. */
    public static OwnedHttpClient create(Duration connectTimeout) {
        return create(connectTimeout, HttpClient.Version.HTTP_1_1);
    }

    /** A client with this connect timeout, no redirects, this preferred HTTP version, and its own executor. */
    public static OwnedHttpClient create(Duration connectTimeout, HttpClient.Version version) {
        ExecutorService executor = Executors.newCachedThreadPool(new Daemons());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader()); // inherited by the selector thread
        try {
            return new OwnedHttpClient(ProviderHttp.clientBuilder(connectTimeout, version).executor(executor).build(),
                    executor);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    public HttpClient client() {
        return client;
    }

    /** Stops the client (Java 21+) and the executor, waiting up to two seconds for their threads; never throws. */
    @Override
    public void close() {
        shutDownClient();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The HTTP threads of ims-auth did not stop within {0}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code HttpClient.shutdownNow()} and {@code awaitTermination(Duration)}, which exist from Java 21 on. */
    private void shutDownClient() {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            Method await = HttpClient.class.getMethod("awaitTermination", Duration.class);
            shutdownNow.invoke(client);
            await.invoke(client, STOP_WAIT);
        } catch (NoSuchMethodException java17) {
            // nothing to call: the selector thread ends once the client is unreachable
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Shutting the HTTP client down failed: {0}", e.getClass().getName());
        }
    }

    /** Daemon threads named ims-auth-http-N. */
    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "ims-auth-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
