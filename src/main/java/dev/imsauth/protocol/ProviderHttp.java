package dev.imsauth.protocol;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Nimbus {@link HTTPRequestSender} for every call to the provider (discovery, JWKS, token, revocation,
 * userinfo): requests built by Nimbus go out through {@link HTTPRequest#send(HTTPRequestSender)} and this
 * sender, over {@link HttpClient}, with an overall deadline (headers and body, so a slowly dripping server
 * cannot hold a request thread) and a cap on the response size. Redirects are not followed. Nothing here
 * logs request or response bodies.
 *
 * <p>Nimbus's own sender (what {@code HTTPRequest.send()} uses) does not do this job: it runs on
 * {@code HttpURLConnection}, whose read timeout applies to each read rather than the whole answer, reads a
 * body of any size, and cannot use the application's {@link HttpClient} (its proxy selector, its SSL context,
 * or the threads an {@link OwnedHttpClient} owns and releases on undeploy). So the interface is Nimbus's and
 * the transport ours. The request's own connect and read timeouts are not read: the client's connect timeout
 * and this sender's deadline apply.
 */
public final class ProviderHttp implements HTTPRequestSender {
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");
    private final HttpClient client;
    private final Duration deadline;
    private final int maxBytes;

    public ProviderHttp(HttpClient client, Duration deadline, int maxBytes) {
        this.client = client;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    /** A client with the given connect timeout, no redirects, HTTP/1.1. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return clientBuilder(connectTimeout, HttpClient.Version.HTTP_1_1).build();
    }

    /** The one way the library configures an {@link HttpClient}: this connect timeout and version, no redirects. */
    static HttpClient.Builder clientBuilder(Duration connectTimeout, HttpClient.Version version) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(version);
    }

    /** A GET expecting JSON. */
    public HTTPResponse get(URI uri) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        request.setAccept("application/json");
        return send(request);
    }

    /** Sends the request through this sender; any transport failure, timeout or oversized body is a {@link ProviderException}. */
    public HTTPResponse send(HTTPRequest request) {
        try {
            return request.send(this);
        } catch (IOException e) {
            throw ProviderException.error(e instanceof Failed ? e.getMessage()
                    : "Calling the identity provider failed (" + where(request) + ")", e.getCause());
        }
    }

    /** Sends one request; a transport failure, timeout or oversized body is an {@link IOException} naming only host and path. */
    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(deadline);
        for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                h.getValue().forEach(v -> builder.header(h.getKey(), v));
            }
        }
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(builder.build(), info -> new CappedBody(maxBytes));
        try {
            return toNimbus(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failed("The identity provider did not answer in time (" + where(request) + ")", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted while calling the identity provider (" + where(request) + ")", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout (same deadline) fired first; a connect timeout is one too
                throw new Failed("The identity provider did not answer in time (" + where(request) + ")", null);
            }
            String what = cause instanceof TooLarge ? "an oversized response" : "a connection failure";
            throw new Failed("Calling the identity provider failed with " + what + " (" + where(request) + ")",
                    cause instanceof IOException ? cause : null);
        }
    }

    private static String where(ReadOnlyHTTPRequest request) {
        return request.getURI().getHost() + request.getURI().getPath();
    }

    private static HTTPResponse toNimbus(HttpResponse<String> response) {
        HTTPResponse out = new HTTPResponse(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                out.setHeader(name, values.toArray(String[]::new));
            }
        });
        out.setBody(response.body());
        return out;
    }

    /** A failed call, its message already fit for a {@link ProviderException}. */
    private static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Signals a response over the size cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int max) {
            super("response larger than " + max + " bytes");
        }
    }

    /** Collects the body as UTF-8 text, failing as soon as it exceeds the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(max));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
