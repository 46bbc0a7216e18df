package dev.imsauth.protocol;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.imsauth.event.jfr.FlightRecorder;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.imsauth.config.ClientAuthMethod;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.Secret;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * Calls the token endpoint (authorization code, refresh token, client credentials) and the revocation
 * endpoint, authenticating the client as configured. Responses are parsed with Nimbus and checked:
 * Bearer token type, an access token present. Error messages carry the OAuth error code and the
 * provider's {@code error_description} cleaned by {@link ProviderText}, never a token, code, verifier or secret.
 */
final class TokenEndpointClient {
    private final ProviderSettings config;
    private final ProviderHttp http;
    private final java.time.Clock clock;

    TokenEndpointClient(ProviderSettings config, ProviderHttp http, java.time.Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** Redeems an authorization code with its PKCE verifier and the exact redirect URI sent. */
    TokenResult redeem(ProviderMetadata metadata, String code, Secret verifier, String redirectUri) {
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri),
                new CodeVerifier(verifier.reveal()));
        return call(metadata.tokenEndpoint(), grant, null, code, verifier.reveal());
    }

    /** Exchanges a refresh token for new tokens. */
    TokenResult refresh(ProviderMetadata metadata, String refreshToken) {
        return call(metadata.tokenEndpoint(), new RefreshTokenGrant(new RefreshToken(refreshToken)), null, refreshToken);
    }

    /** A client-credentials grant for a service app. */
    TokenResult clientCredentials(URI tokenEndpoint, List<String> scopes) {
        return call(tokenEndpoint, new ClientCredentialsGrant(), new Scope(scopes.toArray(String[]::new)));
    }

    /** Revokes a token (RFC 7009); the provider's answer is not needed, failures are reported. */
    void revoke(URI revocationEndpoint, String refreshToken) {
        RefreshToken token = new RefreshToken(refreshToken);
        ClientAuthentication auth = clientAuthentication();
        TokenRevocationRequest request = auth == null
                ? new TokenRevocationRequest(revocationEndpoint, new ClientID(config.clientId()), token)
                : new TokenRevocationRequest(revocationEndpoint, auth, token);
        HTTPResponse response = http.send(request.toHTTPRequest());
        if (response.getStatusCode() != 200) {
            throw ProviderException.error("Token revocation answered HTTP " + response.getStatusCode(), null);
        }
    }

    /** {@code sent}: the secret values of the grant, which a provider's error text must never repeat. */
    private TokenResult call(URI endpoint, AuthorizationGrant grant, Scope scope, String... sent) {
        ClientAuthentication auth = clientAuthentication();
        TokenRequest request = auth == null
                ? new TokenRequest(endpoint, new ClientID(config.clientId()), grant, scope)
                : new TokenRequest(endpoint, auth, grant, scope);
        HTTPRequest httpRequest = request.toHTTPRequest();
        httpRequest.setAccept("application/json");
        HTTPResponse response = FlightRecorder.tokenRequest(grant.getType().getValue(), () -> http.send(httpRequest),
                HTTPResponse::getStatusCode, ImsAuthException::reasonOf);
        return parse(response, grant.getType().getValue(), sent);
    }

    private TokenResult parse(HTTPResponse response, String grantType, String... sent) {
        int status = response.getStatusCode();
        if (status >= 500 || (status != 200 && status != 400 && status != 401)) {
            throw ProviderException.error("The token endpoint answered HTTP " + status + " to a " + grantType + " request", null)
                    .withRetryAfter(ProviderBounds.retryAfter(response.getHeaderValue("Retry-After"), clock));
        }
        Map<String, Object> json = jsonBody(response);
        Duration lifetime = ProviderBounds.lifetime(json == null ? null : json.remove("expires_in"));
        Object idTokenMember = json == null ? null : json.remove("id_token"); // parsed once, below
        TokenResponse parsed;
        JWSObject parsedIdToken = null;
        try {
            parsed = status == 200 && json != null ? success(response, json) : OIDCTokenResponseParser.parse(response);
            if (parsed.indicatesSuccess() && idTokenMember != null) {
                parsedIdToken = jwsOrNull(idTokenMember);
            }
        } catch (ParseException | java.text.ParseException | RuntimeException e) {
            // Nimbus throws unchecked exceptions for some member values (e.g. a scope with a trailing space)
            throw ProviderException.error("The token endpoint sent an unreadable " + grantType + " response (HTTP " + status + ")", null);
        }
        if (!parsed.indicatesSuccess()) {
            throw rejected(((TokenErrorResponse) parsed).getErrorObject(), grantType, sent);
        }
        var tokens = parsed.toSuccessResponse().getTokens();
        AccessToken access = tokens.getAccessToken();
        if (access == null || access.getValue().isBlank() || !AccessTokenType.BEARER.equals(access.getType())) {
            throw ProviderException.error("The token endpoint did not issue a Bearer access token", null);
        }
        String idToken = (String) idTokenMember; // a string, or jwsOrNull refused it
        RefreshToken refresh = tokens.getRefreshToken();
        return new TokenResult(access.getValue(), refresh == null ? null : refresh.getValue(), idToken, parsedIdToken, lifetime,
                access.getScope() == null ? List.of() : access.getScope().toStringList());
    }

    /**
     * The body as a JSON object, parsed once; null without a body or when it is not one (Nimbus then reports
     * the unreadable response). The caller takes {@code expires_in} out through {@link ProviderBounds#lifetime}
     * before Nimbus reads the rest, so that no unbounded lifetime is ever read (Nimbus would take {@code 1e19}
     * as {@code Long.MAX_VALUE}, {@code 3.5} as 3, and refuse {@code -1} but not {@code "-1"}).
     */
    private static Map<String, Object> jsonBody(HTTPResponse response) {
        String body = response.getBody();
        if (body == null) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException notJson) {
            return null;
        }
    }

    /**
     * A successful (HTTP 200) token response from its already parsed members, the {@code id_token} taken out: what
     * {@link OIDCTokenResponseParser#parse(HTTPResponse)} does, without parsing the body a second time (and the ID
     * token's header twice, as Nimbus's {@code JWTParser} does).
     */
    private static TokenResponse success(HTTPResponse response, Map<String, Object> json) throws ParseException {
        response.ensureEntityContentType(ContentType.APPLICATION_JSON, "json");
        return AccessTokenResponse.parse(new JSONObject(json));
    }

    /**
     * The {@code id_token} member as a JWS, or null for a JWT that is not one (unsecured or encrypted: the verifier
     * refuses it); a {@link java.text.ParseException} for anything that is no JWT at all, as Nimbus's
     * {@code OIDCTokens} would refuse the response.
     */
    private static JWSObject jwsOrNull(Object member) throws java.text.ParseException {
        if (!(member instanceof String token)) {
            throw new java.text.ParseException("the id_token is not a string", 0);
        }
        try {
            return JWSObject.parse(token);
        } catch (java.text.ParseException notJws) {
            JWTParser.parse(token);
            return null;
        }
    }

    /** The refusal with the provider's error code and its own words, cleaned: what it said, not a guess. */
    private TokenRejectedException rejected(ErrorObject error, String grantType, String... sent) {
        String code = ProviderText.errorCode(error == null ? null : error.getCode());
        List<String> secrets = new ArrayList<>(List.of(sent));
        config.clientSecret().ifPresent(s -> secrets.add(s.reveal()));
        String description = ProviderText.description(error == null ? null : error.getDescription(), secrets);
        return new TokenRejectedException(code, description, "The identity provider refused the " + grantType
                + " request: " + code + (description == null ? "" : " (\"" + description + "\")"));
    }

    private ClientAuthentication clientAuthentication() {
        ClientID id = new ClientID(config.clientId());
        if (config.clientAuthMethod() == ClientAuthMethod.NONE) {
            return null;
        }
        var secret = new com.nimbusds.oauth2.sdk.auth.Secret(config.clientSecret().orElseThrow().reveal());
        return config.clientAuthMethod() == ClientAuthMethod.CLIENT_SECRET_POST
                ? new ClientSecretPost(id, secret)
                : new ClientSecretBasic(id, secret);
    }

    /**
     * A successful token response, before any ID-token check.
     *
     * @param parsedIdToken the ID token read as a JWS (not verified), or null
     */
    record TokenResult(String accessToken, String refreshToken, String idToken, JWSObject parsedIdToken, Duration lifetime,
                       List<String> scopes) {
        @Override
        public String toString() {
            return "TokenResult[****]";
        }
    }
}
