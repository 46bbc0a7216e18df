package dev.imsauth.web;

import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.LogoutNotice;
import dev.imsauth.protocol.LogoutTokenInvalidException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.session.BackChannelLogouts;
import dev.imsauth.session.LogoutRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OIDC Back-Channel Logout 1.0 endpoint at {@code ims.backchannel-logout-path} (default
 * {@code /backchannel-logout}): the provider POSTs {@code logout_token} (form-encoded, body at most
 * {@link #MAX_BODY_BYTES}); a token that passes every check of §2.6 ({@link OidcClient#verifyLogoutToken}) is
 * recorded in {@link BackChannelLogouts}, which ends the sessions it names on every node, and answered
 * {@code 200}; anything else {@code 400} with a JSON {@code error}. Every answer carries
 * {@code Cache-Control: no-store}. A provider that cannot be discovered, or a shared store that fails, gets 503.
 */
final class BackChannelLogoutEndpoint {
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(BackChannelLogoutEndpoint.class.getName());
    private final OidcClient client;
    private final BackChannelLogouts logouts;

    BackChannelLogoutEndpoint(OidcClient client, BackChannelLogouts logouts) {
        this.client = client;
        this.logouts = logouts;
    }

    boolean isEndpoint(String path) {
        return path.equals(client.signIn().backChannelLogoutPath());
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.noStore(response);
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, 405, "invalid_request", "The back-channel logout endpoint takes POST");
            return;
        }
        try {
            LogoutNotice notice = client.verifyLogoutToken(logoutToken(request));
            logouts.record(notice);
            LOG.log(System.Logger.Level.DEBUG, "Back-channel logout of {0}", notice.sid().isPresent()
                    ? "a provider session" : "every session of subject " + notice.subject().orElse(""));
            response.setStatus(200);
        } catch (LogoutTokenInvalidException e) {
            LOG.log(System.Logger.Level.WARNING, "Refused a back-channel logout: {0}", e.getMessage());
            answer(response, 400, "invalid_request", e.getMessage());
        } catch (ImsAuthException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot check a back-channel logout now: {0}", e.getMessage());
            answer(response, 503, "temporarily_unavailable", "The identity provider cannot be reached");
        } catch (LogoutRecords.LogoutStoreException e) {
            LOG.log(System.Logger.Level.ERROR, "A back-channel logout was applied on this node only: {0}", e.getMessage());
            answer(response, 503, "temporarily_unavailable", "The logout could not be shared with the other nodes");
        }
    }

    /** The single {@code logout_token} of a form-encoded body of bounded size. */
    private static String logoutToken(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new LogoutTokenInvalidException("The logout request is not form-encoded");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new LogoutTokenInvalidException("The logout request is larger than " + MAX_BODY_BYTES + " bytes");
        }
        List<String> tokens = new ArrayList<>();
        String body = body(request.getInputStream());
        if (body.isEmpty()) { // the container may have parsed the form already
            String[] values = request.getParameterValues("logout_token");
            tokens.addAll(values == null ? List.of() : List.of(values));
        }
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equals("logout_token")) {
                    tokens.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException badEscape) {
            throw new LogoutTokenInvalidException("The logout request is not valid form encoding");
        }
        if (tokens.size() != 1) {
            throw new LogoutTokenInvalidException("The logout request must carry exactly one logout_token");
        }
        return tokens.get(0);
    }

    private static String body(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_BODY_BYTES) {
                throw new LogoutTokenInvalidException("The logout request is larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void answer(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\""
                + description.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
