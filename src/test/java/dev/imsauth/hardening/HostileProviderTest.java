package dev.imsauth.hardening;

import static dev.imsauth.hardening.Verdicts.assertRejected;
import static dev.imsauth.hardening.Verdicts.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.BrowserlessClient;
import dev.imsauth.testsupport.IdTokenSigning;
import dev.imsauth.testsupport.LogCapture;
import dev.imsauth.testsupport.ProviderPaths;
import dev.imsauth.testsupport.SignInFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalogue I01-I05, I07-I09: a provider that answers, but with values at the edge — a JWKS with members
 * the library cannot use, keys not meant for signatures, lifetimes and times out of any sensible range, a
 * discovery issuer that differs by a slash, a repeated state, a {@code crit} header. Each test gets a
 * fresh fixture, because keys and metadata are cached; the provider and the app share one clock.
 */
class HostileProviderTest {
    private SignInFixture f;
    private BrowserlessClient browser;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = LogCapture.start();
        f = SignInFixture.with(b -> b.readTimeout(Duration.ofSeconds(5)));
        f.op.setClock(f.clock);
        browser = new BrowserlessClient();
    }

    @AfterEach
    void stop() {
        f.close();
        logs.close();
    }

    @Test
    @Catalogue("I01")
    void aJwksWithUnusableMembersBesideTheRealKeyStillSignsInAndLogsEachProblemOnce() throws Exception {
        String kid = f.op.signingKeyId();
        Map<String, Object> real = realKey();
        Map<String, Object> noE = new LinkedHashMap<>(real);
        noE.remove("e");
        noE.put("kid", "rsa-without-e");
        Map<String, Object> oddCurve = new LinkedHashMap<>(new ECKeyGenerator(Curve.P_256).keyID("ec").generate()
                .toPublicJWK().toJSONObject());
        oddCurve.put("crv", "P-999");
        Map<String, Object> badX5c = new LinkedHashMap<>(real);
        badX5c.put("x5c", List.of("bm90IGEgY2VydGlmaWNhdGU=", "%%%"));
        Map<String, Object> decoyWithTheSameKid = new RSAKeyGenerator(2048).keyID(kid).generate().toPublicJWK().toJSONObject();
        Map<String, Object> encryptionOnly = new LinkedHashMap<>(real);
        encryptionOnly.put("key_ops", List.of("encrypt", "wrapKey"));
        encryptionOnly.remove("use");
        serveJwks(noE, oddCurve, badX5c, "a plain string", 42, decoyWithTheSameKid, encryptionOnly, real);

        for (int i = 0; i < 3; i++) {
            BrowserlessClient b = new BrowserlessClient();
            assertSignedIn(f, b, b.follow(b.startSignIn(f.url("/protected/" + i))), "/app/protected/" + i);
        }
        f.clock.advance(Duration.ofSeconds(31));
        f.op.faults().idTokenSigning(IdTokenSigning.UNKNOWN_KID); // forces one re-fetch of the same document
        BrowserlessClient forged = new BrowserlessClient();
        assertRejected(f, forged, forged.follow(forged.startSignIn(f.url("/protected/"))), 401, "invalid_id_token");
        assertThat(f.op.jwksCalls()).isEqualTo(2);

        List<String> warnings = logs.lines().stream().filter(l -> l.contains("cannot use; it is ignored")).toList();
        assertThat(warnings).as("one line per distinct problem, not per token or fetch").hasSize(6)
                .doesNotHaveDuplicates()
                .anySatisfy(l -> assertThat(l).contains("rsa-without-e"))
                .anySatisfy(l -> assertThat(l).contains("not a JSON object"))
                .anySatisfy(l -> assertThat(l).contains("key_ops without verify"))
                .anySatisfy(l -> assertThat(l).contains("several members have the kid"));
    }

    @Test
    @Catalogue("I02")
    void aKeyWhoseKeyOpsOrUseExcludeSignaturesIsNeverUsedToVerify() {
        Map<String, Object> encryptionOnly = new LinkedHashMap<>(realKey());
        encryptionOnly.remove("use");
        encryptionOnly.put("key_ops", List.of("encrypt", "wrapKey"));
        serveJwks(encryptionOnly);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 502, "provider_fault");
        assertThat(r.body()).contains("signing keys could not be loaded");

        f.close();
        f = SignInFixture.with(b -> b.readTimeout(Duration.ofSeconds(5)));
        Map<String, Object> forEncryption = new LinkedHashMap<>(realKey());
        forEncryption.put("use", "enc");
        serveJwks(forEncryption);
        BrowserlessClient next = new BrowserlessClient();
        assertRejected(f, next, next.follow(next.startSignIn(f.url("/protected/"))), 502, "provider_fault");
    }

    @Test
    @Catalogue("I03")
    void whileNoKeysAreCachedAFailedJwksFetchIsNotRepeatedWithinTheInterval() {
        f.op.faults().jwksStatus(500);
        for (int i = 0; i < 5; i++) {
            BrowserlessClient b = new BrowserlessClient();
            assertRejected(f, b, b.follow(b.startSignIn(f.url("/protected/"))), 502, "provider_fault");
        }
        assertThat(f.op.jwksCalls()).as("five callbacks in one window, no keys cached").isEqualTo(1);

        f.op.faults().reset();
        f.clock.advance(Duration.ofSeconds(31));
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
        assertThat(f.op.jwksCalls()).isEqualTo(2);
    }

    @Test
    @Catalogue("I04")
    void everyExpiresInBecomesALifetimeBetween30SecondsAnd24HoursAndNeverA500() {
        Map<Object, Duration> cases = new LinkedHashMap<>();
        cases.put(1e12, Duration.ofHours(24));
        cases.put(1e19, Duration.ofHours(24));
        cases.put(Long.MAX_VALUE, Duration.ofHours(24));
        cases.put("9223372036854775808", Duration.ofHours(24));
        cases.put(3.5, Duration.ofSeconds(30));
        cases.put(-1, Duration.ofSeconds(30));
        cases.put("-1", Duration.ofSeconds(30));
        cases.put(0, Duration.ofSeconds(30));
        cases.put(3599.9, Duration.ofSeconds(3599));
        cases.put("3600", Duration.ofSeconds(3600));
        cases.put(true, ProviderBounds.DEFAULT_LIFETIME);
        cases.put("soon", ProviderBounds.DEFAULT_LIFETIME);
        cases.put(Map.of("seconds", 60), ProviderBounds.DEFAULT_LIFETIME);
        for (Map.Entry<Object, Duration> c : cases.entrySet()) {
            f.op.faults().tokenResponseField("expires_in", c.getKey());
            BrowserlessClient b = new BrowserlessClient();
            Instant now = f.clock.instant();
            SignedInUser user = assertSignedIn(f, b, b.follow(b.startSignIn(f.url("/protected/"))), "/app/protected/");
            assertThat(user.tokens().expiresAt()).as("expires_in %s", c.getKey()).isEqualTo(now.plus(c.getValue()));
        }
    }

    @Test
    @Catalogue("I04")
    void anOverflowingExpiresInOnTheRefreshPathKeepsTheUserSignedInWithABoundedLifetime() {
        assertThat(browser.follow(browser.signIn(f.url("/protected/start"))).statusCode()).isEqualTo(200);
        for (Object expiresIn : List.of(1e19, Long.MAX_VALUE, 3.5, "-1")) {
            f.clock.advance(Duration.ofHours(25));
            f.op.faults().tokenResponseField("expires_in", expiresIn);
            Instant now = f.clock.instant();
            HttpResponse<String> page = browser.get(f.url("/protected/page"));
            assertThat(page.statusCode()).as("refresh with expires_in %s", expiresIn).isEqualTo(200);
            Instant expiresAt = stored().tokens().expiresAt();
            assertThat(expiresAt).isBetween(now.plus(ProviderBounds.MIN_LIFETIME), now.plus(ProviderBounds.MAX_LIFETIME));
        }
        int refreshes = f.op.tokenCalls("refresh_token");
        browser.get(f.url("/protected/page"));
        browser.get(f.url("/protected/page"));
        assertThat(f.op.tokenCalls("refresh_token")).as("a 30 s token is not refreshed on every request")
                .isEqualTo(refreshes);
    }

    @Test
    @Catalogue("I11")
    void aTokenResponseMemberNimbusCannotReadIsAProviderFaultNotA500() {
        // found by ProviderFilterFuzzTest: Nimbus's Scope.parse throws IllegalArgumentException (not its
        // ParseException) for a scope whose last word is a control character that Java counts as whitespace
        for (Object scope : List.of("R!*\u000f \u001c", "read \u001c")) {
            f.op.faults().tokenResponseField("scope", scope);
            BrowserlessClient b = new BrowserlessClient();
            assertRejected(f, b, b.follow(b.startSignIn(f.url("/protected/"))), 502, "provider_fault");
        }
    }

    @Test
    @Catalogue("I05")
    void idTokenTimesOutOfRangeAreRefusedByNameAndFractionsAreRoundedDown() {
        long now = f.clock.instant().getEpochSecond();
        List<Object[]> refused = List.of(
                new Object[] {"exp", 1e19, "exp is not a time"},
                new Object[] {"exp", Long.MAX_VALUE, "exp is not a time"},
                new Object[] {"exp", 253_402_300_800L, "exp is not a time"},
                new Object[] {"iat", -1, "iat is not a time"},
                new Object[] {"nbf", 1e300, "nbf is not a time"},
                new Object[] {"auth_time", -5, "auth_time is not a time"},
                new Object[] {"auth_time", now + 3600, "auth_time"});
        for (Object[] c : refused) {
            f.op.faults().idTokenClaims(b -> b.claim((String) c[0], c[1]));
            BrowserlessClient b = new BrowserlessClient();
            HttpResponse<String> r = b.follow(b.startSignIn(f.url("/protected/")));
            assertRejected(f, b, r, 401, "invalid_id_token");
            assertThat(r.body()).as("%s = %s", c[0], c[1]).contains((String) c[2]);
        }
        f.op.faults().idTokenClaims(b -> b.claim("exp", now + 3600.75).claim("iat", now - 0.5).claim("auth_time", now - 10.25));
        assertSignedIn(f, browser, browser.follow(browser.startSignIn(f.url("/protected/"))), "/app/protected/");
    }

    @Test
    @Catalogue("I07")
    void aDiscoveryIssuerThatDiffersFromImsIssuerByATrailingSlashDisablesSignIn() {
        f.close();
        f = SignInFixture.builder().provider(op -> op.faults().discoveryIssuer(op.issuer() + "/")).start();
        HttpResponse<String> r = browser.get(f.url("/protected/"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("they must be identical");
        assertThat(f.op.authorizeCalls()).isZero();

        f.close();
        AtomicReference<String> issuer = new AtomicReference<>();
        f = SignInFixture.builder().provider(op -> issuer.set(op.issuer())).config(b -> b.issuer(issuer.get() + "/")).start();
        BrowserlessClient other = new BrowserlessClient();
        HttpResponse<String> slashConfigured = other.get(f.url("/protected/"));
        assertThat(slashConfigured.statusCode()).as("ims.issuer with a slash, discovery without").isEqualTo(503);
        assertThat(f.op.discoveryCalls()).as("discovery URL without the doubled slash").isEqualTo(1);
        assertThat(f.op.requests(ProviderPaths.DISCOVERY)).isNotEmpty();
    }

    @Test
    @Catalogue("I08")
    void aRepeatedStateOrAnyRepeatedParameterSpendsEveryStateItNames() {
        for (String extra : List.of("&state=T", "&code=again", "&iss=x&iss=y", "&error_description=a&error_description=b")) {
            BrowserlessClient b = new BrowserlessClient();
            URI callback = BrowserlessClient.location(b.startSignIn(f.url("/protected/")));
            String state = Verdicts.stateOf(callback).orElseThrow();
            String id = b.sessionId(f.url("/")).orElseThrow();
            assertThat(f.app.pendingStates(id)).contains(state);
            HttpResponse<String> r = b.get(callback + extra);
            assertThat(r.statusCode()).as("callback + %s", extra).isEqualTo(400);
            assertThat(f.app.pendingStates(id)).as("S spent after %s", extra).doesNotContain(state);
            assertThat(b.get(callback.toString()).statusCode()).as("the clean callback is spent too").isEqualTo(401);
        }
        BrowserlessClient b = new BrowserlessClient();
        URI callback = BrowserlessClient.location(b.startSignIn(f.url("/protected/")));
        String state = Verdicts.stateOf(callback).orElseThrow();
        HttpResponse<String> r = b.get(f.app.redirectUri() + "?code=c&state=T&state=" + state);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(f.app.pendingStates(b.sessionId(f.url("/")).orElseThrow())).doesNotContain(state);
        assertThat(f.op.tokenCalls()).isZero();
    }

    @Test
    @Catalogue("I09")
    void anIdTokenRefusedForItsCritHeaderSaysSo() {
        f.op.faults().idTokenSigning(IdTokenSigning.CRIT_HEADER);
        HttpResponse<String> r = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, r, 401, "invalid_id_token");
        assertThat(r.body()).contains("crit").doesNotContain("not signed by a key");
    }

    @Test
    @Catalogue("I10")
    void whatTheProviderSaysIsShownEscapedWithHiddenCharactersBlanked() throws Exception {
        String markup = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"q\" 'a'";
        String hidden = "\u0000\u0007\u001b[31m\u007f\u0085\u202e\u2066\u2028\r";
        f.op.faults().authorizeError("access_denied" + "<b>" + hidden, markup + hidden + "end");
        HttpResponse<String> page = browser.follow(browser.startSignIn(f.url("/protected/")));
        assertRejected(f, browser, page, 401, "provider_error");
        assertEscaped(page.body());
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&amp; &quot;q&quot; &#39;a&#39;");

        BrowserlessClient api = new BrowserlessClient();
        HttpResponse<String> started = api.startSignIn(f.url("/protected/"));
        HttpResponse<String> json = api.get(BrowserlessClient.location(started).toString(), Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertEscaped(json.body());
        assertThat(JSONObjectUtils.parse(json.body()).get("message").toString()).contains("<script>alert(1)</script>");

        f.op.faults().reset().tokenResponse(400, "application/json", JSONObjectUtils.toJSONString(Map.of(
                "error", "<img src=x onerror=alert(3)>" + hidden, "error_description", markup + hidden)));
        BrowserlessClient third = new BrowserlessClient();
        HttpResponse<String> refused = third.follow(third.startSignIn(f.url("/protected/")));
        assertRejected(f, third, refused, 401, "token_rejected");
        assertEscaped(refused.body());
    }

    /** No markup from the provider survives, and no character that changes how the page reads unseen. */
    private static void assertEscaped(String body) {
        assertThat(body).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u007f")
                .doesNotContain("\u0085").doesNotContain("\u202e").doesNotContain("\u2066").doesNotContain("\u2028")
                .doesNotContain("\r");
    }

    private Map<String, Object> realKey() {
        return new LinkedHashMap<>(f.op.publicKeys().getKeyByKeyId(f.op.signingKeyId()).toJSONObject());
    }

    /** The JWKS endpoint serves exactly these members. */
    private void serveJwks(Object... members) {
        List<Object> keys = new ArrayList<>(List.of(members));
        f.op.faults().respond(ProviderPaths.JWKS, 200, "application/json", JSONObjectUtils.toJSONString(Map.of("keys", keys)));
    }

    private SignedInUser stored() {
        String id = browser.sessionId(f.url("/")).orElseThrow(() -> new AssertionError("no session"));
        return f.app.userInSession(id).orElseThrow(() -> new AssertionError("no user in the session"));
    }
}
