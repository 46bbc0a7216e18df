package dev.imsauth.testsupport;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An HTTP response an endpoint wants sent; {@link ReplyWriter} puts it on the wire. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json;charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, Map<String, ?> body) {
        return text(status, JSON, JSONObjectUtils.toJSONString(body));
    }

    static Reply html(int status, String html) {
        return text(status, "text/html;charset=utf-8", html)
                .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .withHeader("X-Frame-Options", "DENY");
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0], Map.of());
    }

    /** A 302 to {@code uri} with the parameters appended to its query (form-url-encoded). */
    static Reply redirect(String uri, Map<String, String> params) {
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String location = query.isEmpty() ? uri : uri + (uri.contains("?") ? "&" : "?") + query;
        return empty(302).withHeader("Location", location);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
