package dev.imsauth.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OAuth error response (RFC 6749 §5.2) on its way out of an endpoint; carries no stack trace. */
final class OAuthProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    OAuthProblem(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthProblem invalidRequest(String description) {
        return new OAuthProblem(400, "invalid_request", description);
    }

    static OAuthProblem invalidGrant(String description) {
        return new OAuthProblem(400, "invalid_grant", description);
    }

    static OAuthProblem invalidClient(String description) {
        return new OAuthProblem(401, "invalid_client", description);
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }

    /** The JSON error body; a 401 also gets the challenge RFC 6749 §5.2 asks for. */
    Reply toReply() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (getMessage() != null) {
            body.put("error_description", getMessage());
        }
        Reply reply = Reply.json(status, body);
        return status == 401 ? reply.withHeader("WWW-Authenticate", "Basic realm=\"test-op\"") : reply;
    }
}
