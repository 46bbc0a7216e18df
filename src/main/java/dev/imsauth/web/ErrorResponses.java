package dev.imsauth.web;

import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes failure responses: the status of the failure and a small page (JSON for API calls) that says
 * what went wrong in words a user can act on. Messages are escaped; nothing secret is ever in them (the
 * protocol's exception messages hold no token, code or secret), and there is no stack trace.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    /** Sends the failure; for 401 adds a {@code WWW-Authenticate} challenge. */
    public static void send(HttpServletRequest request, HttpServletResponse response, ImsAuthException e,
                            String retryHref) throws IOException {
        send(request, response, e.failure().status(), e.reason(), e.getMessage(), retryHref);
    }

    /** Sends a status with a reason code and a human message. */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String reason,
                            String message, String retryHref) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        noStore(response);
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ims\", error=\"" + reason.replaceAll("[^a-z_]", "") + "\"");
        }
        if (ApiRequests.isApiCall(request)) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(json(reason, message));
            return;
        }
        java.util.Optional<AppPages> pages = AppPages.of(request);
        if (pages.isPresent() && pages.get().error(request, response, status,
                errorAttributes(status, reason, message, retryHref))) {
            return; // the application's own error page (ims.error-page)
        }
        PageWords words = PageWords.of(PageWords.PAGES, request.getLocale());
        String title = words.find("error.title." + status).isPresent() ? words.html("error.title." + status)
                : words.html("error.title");
        String text = words.find("message." + reason).map(ErrorResponses::html).orElse(html(message));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.4rem}code{background:#f3f3f3;padding:.1rem .3rem}a{color:#0060a8}</style></head>
                <body><h1>%s</h1><p>%s</p><p><small>%s</small></p>%s</body></html>
                """.formatted(html(words.language()), title, title, text, words.html("error.reason", reason,
                String.valueOf(status)), retryHref == null ? ""
                : "<p><a href=\"" + html(retryHref) + "\">" + words.html("error.retry") + "</a></p>"));
    }

    private static java.util.Map<String, Object> errorAttributes(int status, String reason, String message,
                                                                 String retryHref) {
        java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put(AppPages.ERROR_STATUS, status);
        attributes.put(AppPages.ERROR_REASON, reason);
        attributes.put(AppPages.ERROR_MESSAGE, message == null ? "" : message);
        if (retryHref != null) {
            attributes.put(AppPages.ERROR_RETRY, retryHref);
        }
        return attributes;
    }

    /** Marks a response as never cacheable and never leaking its URL in a Referer. */
    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(hidden(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * Characters that would change how the rest of a page reads without being seen: C0 and C1 controls
     * (line feed kept), line and paragraph separators and bidirectional overrides (a provider's error text
     * could otherwise reverse the words around it).
     */
    private static boolean hidden(char c) {
        return (Character.isISOControl(c) && c != '\n') || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }

    /**
     * {@code {"error":…,"message":…}} by the library's one JSON writer ({@link Json}), then {@code <} and the
     * hidden characters it leaves as they are written as JSON unicode escapes (outside strings JSON has none).
     */
    private static String json(String reason, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason == null ? "" : reason);
        body.put("message", message == null ? "" : message);
        StringBuilder out = new StringBuilder();
        for (char c : Json.write(body).toCharArray()) {
            out.append(c == '<' || hidden(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
