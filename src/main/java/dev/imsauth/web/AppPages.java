package dev.imsauth.web;

import dev.imsauth.config.SignInSettings;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The application's own pages configured instead of the built-in ones ({@code ims.error-page},
 * {@code ims.logout-confirm-page}, {@code ims.signed-out-page}): a forward to the path, with what the built-in
 * page would have shown as request attributes. The attribute names are documented (docs/customising.md) and
 * are the contract with the application's page. A failing forward is logged and the built-in page is used.
 */
public final class AppPages {
    /** Request attribute under which the flow puts this instance for {@link ErrorResponses}. */
    static final String ATTRIBUTE = AppPages.class.getName();
    /** The failure's HTTP status (an Integer). */
    public static final String ERROR_STATUS = "dev.imsauth.error.status";
    /** The failure's stable reason code, e.g. {@code state_mismatch}. */
    public static final String ERROR_REASON = "dev.imsauth.error.reason";
    /** The failure's message, in English, with nothing secret in it. */
    public static final String ERROR_MESSAGE = "dev.imsauth.error.message";
    /** A same-origin link that tries again; absent when there is none. */
    public static final String ERROR_RETRY = "dev.imsauth.error.retry";
    /** Where the confirmation form must POST to. */
    public static final String LOGOUT_ACTION = "dev.imsauth.logout.action";
    /** The form field name for the CSRF token. */
    public static final String LOGOUT_TOKEN_NAME = "dev.imsauth.logout.token-name";
    /** The CSRF token the form must carry; absent when nobody is signed in. */
    public static final String LOGOUT_TOKEN = "dev.imsauth.logout.token";
    /** {@code Boolean}: whether anybody is signed in. */
    public static final String LOGOUT_SIGNED_IN = "dev.imsauth.logout.signed-in";
    /** The link on the signed-out page that signs the user in again. */
    public static final String SIGNED_OUT_SIGN_IN = "dev.imsauth.signed-out.sign-in";
    private static final System.Logger LOG = System.getLogger(AppPages.class.getName());
    private final SignInSettings config;

    AppPages(SignInSettings config) {
        this.config = config;
    }

    /** Makes this instance known to {@link ErrorResponses} for the rest of the request. */
    void bind(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    static Optional<AppPages> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AppPages pages ? Optional.of(pages) : Optional.empty();
    }

    boolean error(HttpServletRequest request, HttpServletResponse response, int status,
                  Map<String, Object> attributes) throws IOException {
        return forward(config.errorPage(), status, request, response, attributes);
    }

    boolean logoutConfirm(HttpServletRequest request, HttpServletResponse response, Map<String, Object> attributes)
            throws IOException {
        return forward(config.logoutConfirmPage(), 200, request, response, attributes);
    }

    boolean signedOut(HttpServletRequest request, HttpServletResponse response, Map<String, Object> attributes)
            throws IOException {
        return forward(config.signedOutPage(), 200, request, response, attributes);
    }

    private static boolean forward(Optional<String> path, int status, HttpServletRequest request,
                                   HttpServletResponse response, Map<String, Object> attributes) throws IOException {
        if (path.isEmpty() || response.isCommitted()) {
            return false;
        }
        RequestDispatcher dispatcher = request.getRequestDispatcher(path.get());
        if (dispatcher == null) {
            LOG.log(System.Logger.Level.WARNING, "The configured page {0} cannot be forwarded to; the built-in page "
                    + "is shown", path.get());
            return false;
        }
        attributes.forEach(request::setAttribute);
        response.resetBuffer();
        response.setStatus(status);
        try {
            dispatcher.forward(request, response);
            return true;
        } catch (ServletException e) {
            LOG.log(System.Logger.Level.WARNING, "Forwarding to the configured page {0} failed ({1}); the built-in "
                    + "page is shown", path.get(), e.getClass().getName());
            if (response.isCommitted()) {
                return true;
            }
            response.resetBuffer();
            return false;
        }
    }
}
