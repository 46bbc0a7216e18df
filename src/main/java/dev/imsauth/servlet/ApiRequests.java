package dev.imsauth.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Tells a script's or XHR/fetch call from a browser navigation, so that API calls get 401 instead of a
 * redirect to a login page they cannot follow. An API call is a request with
 * {@code X-Requested-With}, a {@code Sec-Fetch-Mode} other than {@code navigate}, or an {@code Accept}
 * that does not ask for HTML.
 */
public final class ApiRequests {
    private ApiRequests() {
    }

    public static boolean isApiCall(HttpServletRequest request) {
        if (request.getHeader("X-Requested-With") != null) {
            return true;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return !mode.equalsIgnoreCase("navigate");
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return !a.contains("text/html") && !a.contains("application/xhtml+xml") && !a.contains("*/*");
    }
}
