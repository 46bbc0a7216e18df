package dev.imsauth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a bare socket, for what a well-behaved client refuses to send: a forged {@code Host}
 * header, a request target with backslashes or raw bytes. The response is read as it arrives, header
 * lines unparsed, so a test can see a header split if there ever is one.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** One response: the status and the raw header lines (without the status line) and the body. */
    public record Response(int status, List<String> headerLines, String body) {
        /** The first value of a header, case-insensitive. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst();
        }

        /** Every value of a header, case-insensitive. */
        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).toList();
        }
    }

    /**
     * Sends {@code GET target} to 127.0.0.1:port with the given Host and extra header lines
     * (e.g. {@code "Cookie: JSESSIONID=..."}), and reads the response up to its Content-Length.
     */
    public static Response get(int port, String target, String host, String... extraHeaderLines) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nAccept: text/html\r\nConnection: close\r\n");
            for (String h : extraHeaderLines) {
                request.append(h).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered (e.g. 431) and closed before it read everything: read that answer
            }
            Response r = read(socket.getInputStream());
            SecretLedger.evidence("raw HTTP " + r.status(), String.join("\n", r.headerLines()) + "\n" + r.body());
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("raw request to port " + port + " failed", e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n", -1);
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
        return new Response(status, headerLines, body);
    }
}
