package dev.imsauth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The client-facing scheme, host and port a reverse proxy reports, from RFC 7239 {@code Forwarded}
 * (first element) or the {@code X-Forwarded-Proto/Host/Port} headers. Malformed values are ignored.
 */
record ForwardedHeaders(Optional<String> proto, Optional<String> host, Optional<Integer> port) {

    static ForwardedHeaders of(HttpServletRequest request) {
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            String first = forwarded.split(",")[0];
            Optional<String> proto = Optional.empty();
            Optional<String> host = Optional.empty();
            for (String pair : first.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2) {
                    String value = kv[1].trim().replace("\"", "");
                    switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                        case "proto" -> proto = scheme(value);
                        case "host" -> host = host(value);
                        default -> { }
                    }
                }
            }
            return new ForwardedHeaders(proto, host, Optional.empty());
        }
        return new ForwardedHeaders(scheme(firstValue(request, "X-Forwarded-Proto")),
                host(firstValue(request, "X-Forwarded-Host")), port(firstValue(request, "X-Forwarded-Port")));
    }

    private static String firstValue(HttpServletRequest request, String name) {
        String v = request.getHeader(name);
        return v == null ? null : v.split(",")[0].trim();
    }

    private static Optional<String> scheme(String v) {
        return v != null && (v.equalsIgnoreCase("http") || v.equalsIgnoreCase("https"))
                ? Optional.of(v.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<String> host(String v) {
        return v != null && v.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")
                ? Optional.of(v) : Optional.empty();
    }

    private static Optional<Integer> port(String v) {
        return v != null && v.matches("[0-9]{1,5}") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
    }
}
