package dev.imsauth.testsupport;

import dev.imsauth.testsupport.ProviderSettings.Switch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /connect/authorize}. An unknown client or unregistered redirect_uri gets a 400 page
 * and no redirect; every other problem is redirected back as an OAuth error with the state.
 */
final class AuthorizeEndpoint implements Endpoint {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ProviderContext op;

    AuthorizeEndpoint(ProviderContext op) {
        this.op = op;
    }

    @Override
    public Reply handle(RecordedRequest request) {
        boolean post = request.method().equals("POST");
        if (!post && !request.method().equals("GET")) {
            return Html.message(405, "Method not allowed", "Use GET or POST.");
        }
        Params params = new Params(post ? request.form() : request.query());
        if (params.all("client_id").size() > 1 || params.all("redirect_uri").size() > 1) {
            return Html.message(400, "Bad request", "client_id and redirect_uri must appear once.");
        }
        ClientRegistry.Client client = op.clients().find(params.get("client_id"));
        if (client == null) {
            return Html.message(400, "Unknown client", "The client_id is not registered.");
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            return Html.message(400, "Invalid redirect_uri", "The redirect_uri is not registered for this client.");
        }
        String state = params.get("state");
        try {
            validate(params);
        } catch (OAuthProblem problem) {
            return errorRedirect(redirectUri, state, problem.error(), problem.description());
        }
        if (op.faults().authorizeError() != null) {
            return errorRedirect(redirectUri, state, op.faults().authorizeError(),
                    op.faults().authorizeErrorDescription());
        }
        boolean submitted = post && params.has(LoginPage.MARKER);
        if (op.settings().is(Switch.INTERACTIVE_LOGIN) && !submitted) {
            return LoginPage.render(params.asMap(), op.settings().userFor(params.get("login_hint")));
        }
        TestUser user = submitted ? submittedUser(params) : op.settings().userFor(params.get("login_hint"));
        Instant now = op.settings().now();
        String code = op.grants().issueCode(new GrantStore.CodeGrant(client.id(), redirectUri,
                params.get("code_challenge"), params.get("nonce"), grantedScope(params), user, now,
                now.plus(CODE_LIFETIME)));
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("state", returnedState(state));
        response.put("iss", issParameter());
        return Reply.redirect(redirectUri, response);
    }

    private static void validate(Params params) {
        params.requireSingleValues(Set.of(LoginPage.ROLE));
        String responseType = params.require("response_type");
        if (!responseType.equals("code")) {
            throw new OAuthProblem(400, "unsupported_response_type", "only response_type=code is supported");
        }
        if (!Params.hasScope(params.get("scope"), "openid")) {
            throw new OAuthProblem(400, "invalid_scope", "scope must contain openid");
        }
        String challenge = params.get("code_challenge");
        if (challenge == null) {
            throw OAuthProblem.invalidRequest("code_challenge is required");
        }
        if (!"S256".equals(params.get("code_challenge_method"))) {
            throw OAuthProblem.invalidRequest("code_challenge_method must be S256");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw OAuthProblem.invalidRequest("code_challenge is not a base64url SHA-256 hash");
        }
    }

    /** The requested scope, without offline_access when it needs prompt=consent and the request lacks it. */
    private String grantedScope(Params params) {
        String scope = params.get("scope");
        String prompt = params.get("prompt");
        boolean consent = prompt != null && List.of(prompt.split(" ")).contains("consent");
        if (scope == null || !op.settings().is(Switch.OFFLINE_ACCESS_NEEDS_CONSENT) || consent) {
            return scope;
        }
        return String.join(" ", List.of(scope.trim().split(" +")).stream().filter(s -> !s.equals("offline_access")).toList());
    }

    /** The user from the interactive form: roles are exactly the boxes ticked. */
    private TestUser submittedUser(Params params) {
        List<String> roles = params.all(LoginPage.ROLE).stream().filter(r -> !r.isBlank()).toList();
        return op.settings().userFor(params.get(LoginPage.USERNAME)).withRoles(roles);
    }

    private Reply errorRedirect(String redirectUri, String state, String error, String description) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error);
        response.put("error_description", description);
        response.put("state", returnedState(state));
        response.put("iss", issParameter());
        return Reply.redirect(redirectUri, response);
    }

    private String returnedState(String state) {
        return op.faults().authorizeState() != null ? op.faults().authorizeState() : state;
    }

    /** RFC 9207 iss: the issuer when advertised, unless a fault omits it or sends another value. */
    private String issParameter() {
        if (op.faults().authorizationResponseIss() != null) {
            return op.faults().authorizationResponseIss();
        }
        boolean send = op.settings().is(Switch.ISS_PARAMETER_SUPPORTED) && !op.faults().omitAuthorizationResponseIss();
        return send ? op.issuer() : null;
    }
}
