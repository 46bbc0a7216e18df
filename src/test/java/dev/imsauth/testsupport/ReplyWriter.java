package dev.imsauth.testsupport;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Puts a {@link Reply} on the wire, applying the transport faults: a delay before the response, a
 * slow drip of the body, or a huge streamed body. Waits use the server's scheduler, not a thread.
 */
final class ReplyWriter {

    private static final int CHUNK = 64 * 1024;

    private final Scheduler scheduler;

    ReplyWriter(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void send(Reply reply, ProviderFaults.Delivery delivery, Response response, Callback callback) {
        Runnable write = () -> write(reply, delivery, response, callback);
        if (delivery.delay() != null && !delivery.delay().isZero() && !delivery.delay().isNegative()) {
            scheduler.schedule(write, delivery.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            write.run();
        }
    }

    private void write(Reply reply, ProviderFaults.Delivery delivery, Response response, Callback callback) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        reply.headers().forEach(headers::put);
        if (delivery.hugeBytes() > 0) {
            new HugeBody(response, delivery.hugeBytes(), callback).iterate();
        } else if (delivery.drip() != null && reply.body().length > 0) {
            new Drip(response, reply.body(), delivery.drip(), callback).iterate();
        } else {
            headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }
    }

    /** Writes one byte, waits, writes the next. */
    private final class Drip extends IteratingCallback {
        private final Response response;
        private final byte[] body;
        private final long pauseMillis;
        private final Callback done;
        private int next;

        Drip(Response response, byte[] body, Duration perByte, Callback done) {
            this.response = response;
            this.body = body;
            this.pauseMillis = Math.max(0, perByte.toMillis());
            this.done = done;
        }

        @Override
        protected Action process() {
            if (next == body.length) {
                return Action.SUCCEEDED;
            }
            int index = next++;
            boolean last = next == body.length;
            scheduler.schedule(() -> response.write(last, ByteBuffer.wrap(body, index, 1), this),
                    pauseMillis, TimeUnit.MILLISECONDS);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            done.failed(cause);
        }
    }

    /** Streams {@code total} bytes that start like a token response and never end like one. */
    private static final class HugeBody extends IteratingCallback {
        private final Response response;
        private final long total;
        private final Callback done;
        private final ByteBuffer head;
        private final ByteBuffer filler;
        private long sent;

        HugeBody(Response response, long total, Callback done) {
            this.response = response;
            this.total = total;
            this.done = done;
            byte[] bytes = new byte[CHUNK];
            Arrays.fill(bytes, (byte) 'a');
            this.filler = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            byte[] start = bytes.clone();
            byte[] prefix = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(prefix, 0, start, 0, prefix.length);
            this.head = ByteBuffer.wrap(start).asReadOnlyBuffer();
        }

        @Override
        protected Action process() {
            if (sent >= total) {
                return Action.SUCCEEDED;
            }
            int length = (int) Math.min(CHUNK, total - sent);
            ByteBuffer chunk = (sent == 0 ? head : filler).slice(0, length);
            sent += length;
            response.write(sent >= total, chunk, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            done.failed(cause);
        }
    }
}
