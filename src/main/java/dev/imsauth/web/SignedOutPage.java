package dev.imsauth.web;

import dev.imsauth.config.SignInSettings;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.session.SignOutInProgress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The built-in signed-out page at {@code ims.signed-out-path} (default {@code /signed-out}), the default
 * post-logout landing, always public: it never starts a sign-in by itself, so nobody who signed out is signed
 * in again without clicking its "Sign in" link ({@code ?sign-in}, which starts a sign-in returning to the
 * context root). Its words come from the resource bundle {@code dev.imsauth.servlet.SignedOutMessages}, chosen
 * by the browser's language ({@link PageWords}); an application translates it by adding
 * {@code dev/imsauth/servlet/SignedOutMessages_<lang>.properties} to its classes, or shows its own page instead
 * ({@code ims.signed-out-page}, forwarded to once the sign-out is finished).
 *
 * <p>It also finishes a sign-out that went through the provider's end-session endpoint: the refresh token is
 * revoked now, after the provider has ended (and recorded) its session. The post-logout {@code state} is
 * checked on the landing (this page, or the configured post-logout path): a missing or foreign state is
 * logged, and the visit is otherwise a plain visit.
 */
final class SignedOutPage {
    static final String SIGN_IN_PARAMETER = "sign-in";
    private static final System.Logger LOG = System.getLogger(SignedOutPage.class.getName());
    private final SignInFlow flow;
    private final SignInSettings config;
    private final AppPages pages;

    SignedOutPage(SignInFlow flow) {
        this.flow = flow;
        this.config = flow.client().signIn();
        this.pages = new AppPages(config);
    }

    boolean isSignedOutPage(String path) {
        return path.equals(config.signedOutPath());
    }

    /** True for the post-logout landing: the signed-out page, or the configured post-logout path. */
    boolean isLanding(String path) {
        return isSignedOutPage(path) || (config.postLogoutRedirectIsPath() && path.equals(config.postLogoutRedirectUri()));
    }

    /**
     * Revokes the refresh token of a sign-out this browser has under way, checking the post-logout state when
     * the request is the landing. Cheap for every other request: one session attribute read.
     */
    void finishSignOut(HttpServletRequest request, boolean landing) {
        String state = landing ? request.getParameter("state") : null;
        Optional<SignOutInProgress> signOut = request.getSession(false) == null ? Optional.empty()
                : flow.store().takeSignOut(request);
        if (signOut.isEmpty()) {
            if (state != null) {
                LOG.log(System.Logger.Level.WARNING, "A post-logout landing carried a state, but this browser has "
                        + "no sign-out under way; treated as a plain visit");
            }
            return;
        }
        if (landing && !signOut.get().state().equals(state)) {
            LOG.log(System.Logger.Level.WARNING, "The post-logout landing carried {0} state; the sign-out is "
                    + "finished anyway", state == null ? "no" : "a foreign");
        }
        try {
            flow.client().revoke(signOut.get().user());
        } catch (ImsAuthException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot revoke the signed-out user''s refresh token: {0}", e.getMessage());
        }
    }

    /** Answers the signed-out page (GET/HEAD), or starts a sign-in from its link. */
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method)) {
            response.setHeader("Allow", "GET");
            ErrorResponses.send(request, response, 405, "method_not_allowed", "This page only shows.", null);
            return;
        }
        finishSignOut(request, true);
        if (request.getParameter(SIGN_IN_PARAMETER) != null) {
            flow.challenge(request, response, ReturnUrls.fallback(request), List.of());
            return;
        }
        String signIn = request.getContextPath() + config.signedOutPath() + "?" + SIGN_IN_PARAMETER;
        if (pages.signedOut(request, response, java.util.Map.of(AppPages.SIGNED_OUT_SIGN_IN, signIn))) {
            return;
        }
        PageWords words = PageWords.of(PageWords.SIGNED_OUT, request.getLocale());
        ErrorResponses.noStore(response);
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + ErrorResponses.html(words.language()) + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + words.html("title") + "</title><style>body{font-family:"
                + "system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style></head><body>"
                + "<h1 id=\"signed-out\">" + words.html("heading") + "</h1><p>" + words.html("text") + "</p>"
                + "<p><a id=\"sign-in\" href=\"" + ErrorResponses.html(signIn) + "\">" + words.html("sign-in")
                + "</a></p></body></html>");
    }
}
