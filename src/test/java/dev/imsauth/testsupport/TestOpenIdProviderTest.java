package dev.imsauth.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test provider itself, driven by hand over HTTP the way a relying party would. */
class TestOpenIdProviderTest {

    private static final String APP = "app";
    private static final String APP_SECRET = "s3cret:with%odd chars";
    private static final String CALLBACK = "http://127.0.0.1:8080/signin-oidc";
    private static final String SPA = "spa";
    private static final String SPA_CALLBACK = "http://127.0.0.1:8080/spa/callback";

    private static TestOpenIdProvider op;
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startProvider() {
        op = TestOpenIdProvider.start();
        op.registerClient(APP, APP_SECRET, CALLBACK);
        op.registerClient(SPA, null, SPA_CALLBACK);
        op.registerPostLogoutRedirectUri(APP, "http://127.0.0.1:8080/bye");
    }

    @AfterAll
    static void stopProvider() {
        op.close();
    }

    @AfterEach
    void behaveAgain() {
        op.faults().reset();
        op.setClock(Clock.systemUTC()).setInteractiveLogin(false).setIssParameterSupported(false);
        op.clearRequests();
    }

    @Test
    void publishesDiscoveryDocumentWithImsPaths() throws Exception {
        Map<String, Object> doc = json(get(op.issuer() + ProviderPaths.DISCOVERY));

        assertThat(op.issuer()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(doc).containsEntry("issuer", op.issuer())
                .containsEntry("authorization_endpoint", op.issuer() + "/connect/authorize")
                .containsEntry("token_endpoint", op.issuer() + "/connect/token")
                .containsEntry("jwks_uri", op.issuer() + "/.well-known/openid-configuration/jwks")
                .containsEntry("userinfo_endpoint", op.issuer() + "/connect/userinfo")
                .containsEntry("end_session_endpoint", op.issuer() + "/connect/endsession")
                .containsEntry("revocation_endpoint", op.issuer() + "/connect/revocation")
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("authorization_response_iss_parameter_supported", false);
        assertThat(op.discoveryCalls()).isEqualTo(1);
    }

    @Test
    void completesCodeFlowWithPkceAndSignsIdTokenTheJwksVerifies() throws Exception {
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid profile email");
        HttpResponse<String> response = login.redeem(code, login.verifier.getValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        Map<String, Object> tokens = json(response);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600L)
                .containsEntry("scope", "openid profile email").doesNotContainKey("refresh_token");
        assertThat((String) tokens.get("access_token")).hasSizeGreaterThanOrEqualTo(43);

        JWKSet jwks = JWKSet.parse(get(op.issuer() + ProviderPaths.JWKS).body());
        IDTokenValidator validator = new IDTokenValidator(new Issuer(op.issuer()), new ClientID(APP),
                JWSAlgorithm.RS256, jwks);
        IDTokenClaimsSet claims = validator.validate(JWTParser.parse((String) tokens.get("id_token")), login.nonce);
        assertThat(claims.getSubject().getValue()).isEqualTo("alice");
        assertThat(claims.getStringClaim("azp")).isEqualTo(APP);
        assertThat(claims.getStringListClaim("roles")).containsExactly("user");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(claims.getAuthenticationTime()).isNotNull();

        Map<String, Object> userInfo = json(http.send(HttpRequest.newBuilder(URI.create(op.issuer() + ProviderPaths.USERINFO))
                .header("Authorization", "Bearer " + tokens.get("access_token")).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(userInfo).containsEntry("sub", "alice").containsEntry("name", "Alice Example");
        RecordedRequest tokenRequest = op.requests(ProviderPaths.TOKEN).get(0);
        assertThat(tokenRequest.header("authorization")).startsWith("Basic ");
        assertThat(tokenRequest.first("grant_type")).isEqualTo("authorization_code");
        assertThat(tokenRequest.toString()).doesNotContain(code).doesNotContain(login.verifier.getValue());
    }

    @Test
    void answersInvalidGrantWhenVerifierDoesNotMatchChallenge() throws Exception {
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid");

        HttpResponse<String> response = login.redeem(code, new CodeVerifier().getValue());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void answersInvalidGrantWhenCodeIsUsedTwice() throws Exception {
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid");

        assertThat(login.redeem(code, login.verifier.getValue()).statusCode()).isEqualTo(200);
        HttpResponse<String> second = login.redeem(code, login.verifier.getValue());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second)).containsEntry("error", "invalid_grant");
    }

    @Test
    void answersInvalidGrantWhenRedirectUriDiffersFromAuthorizeRequest() throws Exception {
        op.registerClient("two-callbacks", null, "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b");
        Login login = new Login("two-callbacks", "http://127.0.0.1:8080/a");
        String code = login.authorize("openid");

        HttpResponse<String> response = post(ProviderPaths.TOKEN, null, form("grant_type", "authorization_code",
                "client_id", "two-callbacks", "code", code, "redirect_uri", "http://127.0.0.1:8080/b",
                "code_verifier", login.verifier.getValue()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void showsErrorPageWithoutRedirectForUnregisteredRedirectUri() throws Exception {
        Login login = new Login(APP, "https://evil.example/callback");

        HttpResponse<String> response = get(login.authorizeUrl("openid"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("redirect_uri");
    }

    @Test
    void redirectsInvalidRequestWithStateWhenPkceIsMissing() throws Exception {
        String url = op.issuer() + ProviderPaths.AUTHORIZE + "?" + form("client_id", APP, "redirect_uri", CALLBACK,
                "response_type", "code", "scope", "openid", "state", "st ate&x");

        Map<String, String> callback = callbackParams(get(url));

        assertThat(callback).containsEntry("error", "invalid_request").containsEntry("state", "st ate&x")
                .doesNotContainKey("code");
    }

    @Test
    void rotatesRefreshTokenAndRejectsTheOldOne() throws Exception {
        op.addUser(new TestUser("bob", "Bob", "bob@example.com", List.of("admin"), Map.of("org", "acme")));
        Login login = new Login(SPA, SPA_CALLBACK);
        String code = login.authorize("openid offline_access", "bob");
        String first = (String) json(login.redeem(code, login.verifier.getValue())).get("refresh_token");

        Map<String, Object> refreshed = json(post(ProviderPaths.TOKEN, null,
                form("grant_type", "refresh_token", "client_id", SPA, "refresh_token", first)));
        HttpResponse<String> reuse = post(ProviderPaths.TOKEN, null,
                form("grant_type", "refresh_token", "client_id", SPA, "refresh_token", first));

        assertThat(refreshed.get("refresh_token")).isNotNull().isNotEqualTo(first);
        SignedJWT idToken = SignedJWT.parse((String) refreshed.get("id_token"));
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("bob");
        assertThat(idToken.getJWTClaimsSet().getClaim("nonce")).isNull();
        assertThat(idToken.getJWTClaimsSet().getClaim("org")).isEqualTo("acme");
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json(reuse)).containsEntry("error", "invalid_grant");
    }

    @Test
    void withReuseDetectionAReusedRefreshTokenRevokesEveryTokenOfItsSignIn() throws Exception {
        Login login = new Login(SPA, SPA_CALLBACK);
        String first = (String) json(login.redeem(login.authorize("openid offline_access"), login.verifier.getValue()))
                .get("refresh_token");
        String second = (String) json(post(ProviderPaths.TOKEN, null,
                form("grant_type", "refresh_token", "client_id", SPA, "refresh_token", first))).get("refresh_token");
        assertThat(op.isRefreshTokenActive(second)).as("reuse alone (the default) leaves the new token").isTrue();
        post(ProviderPaths.TOKEN, null, form("grant_type", "refresh_token", "client_id", SPA, "refresh_token", first));
        assertThat(op.isRefreshTokenActive(second)).isTrue();

        op.faults().revokeFamilyOnReuse(true);
        HttpResponse<String> reuse = post(ProviderPaths.TOKEN, null,
                form("grant_type", "refresh_token", "client_id", SPA, "refresh_token", first));

        assertThat(json(reuse)).containsEntry("error", "invalid_grant");
        assertThat(op.isRefreshTokenActive(second)).isFalse();
    }

    @Test
    void revokedRefreshTokenNoLongerRefreshes() throws Exception {
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid offline_access");
        String refresh = (String) json(login.redeem(code, login.verifier.getValue())).get("refresh_token");

        HttpResponse<String> revoked = post(ProviderPaths.REVOCATION, basic(APP, APP_SECRET), form("token", refresh));
        HttpResponse<String> after = post(ProviderPaths.TOKEN, basic(APP, APP_SECRET),
                form("grant_type", "refresh_token", "refresh_token", refresh));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(op.revocations()).isEqualTo(1);
        assertThat(json(after)).containsEntry("error", "invalid_grant");
    }

    @Test
    void clientCredentialsWithWrongSecretIsInvalidClient() throws Exception {
        HttpResponse<String> response = post(ProviderPaths.TOKEN, basic(APP, "wrong"),
                form("grant_type", "client_credentials", "scope", "itwin-platform"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void clientCredentialsAcceptsFormEncodedBasicAndPostCredentials() throws Exception {
        Map<String, Object> viaBasic = json(post(ProviderPaths.TOKEN, basic(APP, APP_SECRET),
                form("grant_type", "client_credentials", "scope", "itwin-platform")));
        Map<String, Object> viaPost = json(post(ProviderPaths.TOKEN, null, form("grant_type", "client_credentials",
                "client_id", APP, "client_secret", APP_SECRET)));

        assertThat(viaBasic).containsEntry("scope", "itwin-platform").containsKey("access_token")
                .doesNotContainKeys("id_token", "refresh_token");
        assertThat(viaPost).containsKey("access_token");
    }

    @Test
    void clientCredentialsRejectsUserScopes() throws Exception {
        HttpResponse<String> response = post(ProviderPaths.TOKEN, basic(APP, APP_SECRET),
                form("grant_type", "client_credentials", "scope", "openid itwin-platform"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "invalid_scope");
    }

    @Test
    void codeExpiresAfterSixtySecondsOnTheProviderClock() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
        op.setClock(clock);
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid");

        clock.advance(Duration.ofSeconds(60));

        assertThat(json(login.redeem(code, login.verifier.getValue()))).containsEntry("error", "invalid_grant");
    }

    @Test
    void tamperHookChangesClaimsBeforeSigning() throws Exception {
        op.faults().idTokenClaims(claims -> claims.issuer("https://evil.example").claim("nonce", "other"));
        Login login = new Login(APP, CALLBACK);

        SignedJWT idToken = SignedJWT.parse(login.idToken("openid"));

        assertThat(idToken.getJWTClaimsSet().getIssuer()).isEqualTo("https://evil.example");
        assertThat(idToken.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("other");
        IDTokenValidator validator = new IDTokenValidator(new Issuer(op.issuer()), new ClientID(APP),
                JWSAlgorithm.RS256, op.publicKeys());
        assertThatThrownBy(() -> validator.validate(idToken, login.nonce)).hasMessageContaining("issuer");
    }

    @Test
    void signingFaultsProduceUnsignedAndUnverifiableTokens() throws Exception {
        op.faults().idTokenSigning(IdTokenSigning.ALG_NONE);
        JWT unsigned = JWTParser.parse(new Login(APP, CALLBACK).idToken("openid"));
        op.faults().idTokenSigning(IdTokenSigning.UNKNOWN_KID);
        SignedJWT unknownKid = SignedJWT.parse(new Login(APP, CALLBACK).idToken("openid"));
        op.faults().idTokenSigning(IdTokenSigning.HS256_WITH_PUBLIC_KEY);
        SignedJWT hs256 = SignedJWT.parse(new Login(APP, CALLBACK).idToken("openid"));

        assertThat(unsigned).isInstanceOf(PlainJWT.class);
        assertThat(op.publicKeys().getKeyByKeyId(unknownKid.getHeader().getKeyID())).isNull();
        assertThat(hs256.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(hs256.getHeader().getKeyID()).isEqualTo(op.signingKeyId());
    }

    @Test
    void rotatedKeySignsWhileOldKeyStaysPublished() throws Exception {
        String oldKid = op.signingKeyId();
        String newKid = op.rotateSigningKey();

        SignedJWT idToken = SignedJWT.parse(new Login(APP, CALLBACK).idToken("openid"));

        assertThat(idToken.getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(JWKSet.parse(get(op.issuer() + ProviderPaths.JWKS).body()).getKeys())
                .extracting(k -> k.getKeyID()).contains(oldKid, newKid);
    }

    @Test
    void statusOverrideReplacesTokenResponseWithoutSpendingTheCode() throws Exception {
        Login login = new Login(APP, CALLBACK);
        String code = login.authorize("openid");
        op.faults().tokenResponse(200, "text/html", "<html>maintenance</html>");

        HttpResponse<String> faulty = login.redeem(code, login.verifier.getValue());
        op.faults().reset();
        HttpResponse<String> healthy = login.redeem(code, login.verifier.getValue());

        assertThat(faulty.statusCode()).isEqualTo(200);
        assertThat(faulty.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(op.tokenCalls()).isEqualTo(2);
    }

    @Test
    void streamsHugeBodyAndDripsSlowly() throws Exception {
        op.faults().hugeBody(ProviderPaths.DISCOVERY, 2_000_000).tokenDrip(Duration.ofMillis(2));

        HttpResponse<byte[]> huge = http.send(HttpRequest.newBuilder(URI.create(op.issuer() + ProviderPaths.DISCOVERY))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> dripped = post(ProviderPaths.TOKEN, basic(APP, "wrong"), form("grant_type", "client_credentials"));

        assertThat(huge.statusCode()).isEqualTo(200);
        assertThat(huge.headers().firstValue("Content-Length")).isEmpty();
        assertThat(huge.body()).hasSize(2_000_000);
        assertThat(new String(huge.body(), 0, 17, StandardCharsets.US_ASCII)).isEqualTo("{\"access_token\":\"");
        assertThat(dripped.statusCode()).isEqualTo(401);
        assertThat(json(dripped)).containsEntry("error", "invalid_client");
    }

    @Test
    void sendsIssAndHonoursErrorAndStateFaults() throws Exception {
        op.setIssParameterSupported(true);
        Map<String, String> normal = callbackParams(get(new Login(APP, CALLBACK).authorizeUrl("openid")));
        op.faults().authorizeError("access_denied", "<b>no</b>").authorizeState("forged");
        Map<String, String> denied = callbackParams(get(new Login(APP, CALLBACK).authorizeUrl("openid")));

        assertThat(normal).containsEntry("iss", op.issuer()).containsKey("code");
        assertThat(denied).containsEntry("error", "access_denied").containsEntry("error_description", "<b>no</b>")
                .containsEntry("state", "forged").doesNotContainKey("code");
    }

    @Test
    void interactiveLoginShowsEscapedFormAndIssuesCodeForSubmittedUser() throws Exception {
        op.setInteractiveLogin(true);
        Login login = new Login(APP, CALLBACK);
        String url = login.authorizeUrl("openid") + "&login_hint=" + URLEncoder.encode("\"><script>", StandardCharsets.UTF_8);

        HttpResponse<String> page = get(url);
        HttpResponse<String> submitted = post(ProviderPaths.AUTHORIZE, null, URI.create(url).getRawQuery()
                + "&test_op_login=1&username=carol&role=admin&role=viewer");
        String code = callbackParams(submitted).get("code");
        SignedJWT idToken = SignedJWT.parse((String) json(login.redeem(code, login.verifier.getValue())).get("id_token"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "value=\"admin\"", "&quot;&gt;&lt;script&gt;")
                .doesNotContain("\"><script>");
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("carol");
        assertThat(idToken.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("admin", "viewer");
    }

    @Test
    void endSessionRedirectsToRegisteredLogoutUriWithState() throws Exception {
        HttpResponse<String> registered = get(op.issuer() + ProviderPaths.END_SESSION + "?" + form("client_id", APP,
                "post_logout_redirect_uri", "http://127.0.0.1:8080/bye", "state", "s1"));
        HttpResponse<String> unregistered = get(op.issuer() + ProviderPaths.END_SESSION + "?" + form("client_id", APP,
                "post_logout_redirect_uri", "https://evil.example/"));

        assertThat(registered.headers().firstValue("Location")).contains("http://127.0.0.1:8080/bye?state=s1");
        assertThat(unregistered.statusCode()).isEqualTo(200);
        assertThat(unregistered.headers().firstValue("Location")).isEmpty();
        assertThat(op.endSessionCalls()).isEqualTo(2);
    }

    @Test
    void handlesTwoHundredParallelLogins() {
        ExecutorService browsers = Executors.newFixedThreadPool(50);
        List<CompletableFuture<String>> logins = IntStream.range(0, 200)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        Login login = new Login(SPA, SPA_CALLBACK);
                        String code = login.authorize("openid", "user" + i);
                        return SignedJWT.parse((String) json(login.redeem(code, login.verifier.getValue()))
                                .get("id_token")).getJWTClaimsSet().getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, browsers))
                .toList();

        List<String> subjects = logins.stream().map(CompletableFuture::join).toList();
        browsers.shutdown();

        assertThat(subjects).hasSize(200).doesNotHaveDuplicates().allMatch(s -> s.startsWith("user"));
        assertThat(op.tokenCalls()).isEqualTo(200);
    }

    // ---- a relying party by hand ----

    /** One login: its own PKCE verifier, state and nonce. */
    private static final class Login {
        final String clientId;
        final String redirectUri;
        final CodeVerifier verifier = new CodeVerifier();
        final Nonce nonce = new Nonce();
        final String state = new Nonce().getValue();

        Login(String clientId, String redirectUri) {
            this.clientId = clientId;
            this.redirectUri = redirectUri;
        }

        String authorizeUrl(String scope) {
            return op.issuer() + ProviderPaths.AUTHORIZE + "?" + form("client_id", clientId, "redirect_uri", redirectUri,
                    "response_type", "code", "scope", scope, "state", state, "nonce", nonce.getValue(),
                    "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(),
                    "code_challenge_method", "S256");
        }

        String authorize(String scope) throws Exception {
            return authorize(scope, null);
        }

        String authorize(String scope, String loginHint) throws Exception {
            String url = authorizeUrl(scope) + (loginHint == null ? "" : "&login_hint=" + loginHint);
            Map<String, String> callback = callbackParams(get(url));
            assertThat(callback).containsEntry("state", state);
            return callback.get("code");
        }

        HttpResponse<String> redeem(String code, String codeVerifier) throws Exception {
            boolean confidential = clientId.equals(APP);
            String body = form("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                    "code_verifier", codeVerifier) + (confidential ? "" : "&client_id=" + clientId);
            return post(ProviderPaths.TOKEN, confidential ? basic(APP, APP_SECRET) : null, body);
        }

        String idToken(String scope) throws Exception {
            return (String) json(redeem(authorize(scope), verifier.getValue())).get("id_token");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String authorization, String formBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(op.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6749 §2.3.1: form-url-encode id and secret, then base64. */
    private static String basic(String id, String secret) {
        String pair = encode(id) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> callbackParams(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(decode(parts[0]), decode(parts[1]));
        }
        return params;
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
