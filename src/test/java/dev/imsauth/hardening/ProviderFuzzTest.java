package dev.imsauth.hardening;

import static dev.imsauth.hardening.InProcessProvider.JWKS_PATH;
import static dev.imsauth.hardening.InProcessProvider.NOW;
import static dev.imsauth.hardening.InProcessProvider.TOKEN_PATH;
import static dev.imsauth.hardening.ProviderInputs.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.imsauth.hardening.ProviderInputs.Judged;
import dev.imsauth.protocol.CallbackParameters;
import dev.imsauth.protocol.ImsAuthException;
import dev.imsauth.protocol.OidcClient;
import dev.imsauth.protocol.PendingLogin;
import dev.imsauth.protocol.ProviderBounds;
import dev.imsauth.protocol.ProviderDiscovery;
import dev.imsauth.protocol.ProviderHttp;
import dev.imsauth.protocol.ProviderMetadata;
import dev.imsauth.protocol.SignedInUser;
import dev.imsauth.testsupport.ScriptedHttpClient;
import dev.imsauth.testsupport.ScriptedHttpClient.Answer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the provider's side, 10 000 generated inputs per property, in-process: the
 * real {@link OidcClient} (discovery, token endpoint, JWKS, ID-token verification) over a
 * {@link ScriptedHttpClient}, so no socket is opened per input. Properties: every failure is an
 * {@link ImsAuthException} with a known reason (never another exception, so never a 5xx of the
 * container), nobody is signed in from an answer a correct relying party refuses, and every lifetime
 * lands between 30 s and 24 h. The generators are in {@link ProviderInputs}; the filter over real HTTP is
 * fuzzed by {@link ProviderFilterFuzzTest}.
 */
class ProviderFuzzTest {
    static final int TRIES = 10_000;
    static final Set<String> REASONS = Set.of("provider_fault", "provider_unavailable", "token_rejected", "invalid_id_token");
    private static InProcessProvider op;
    private static ScriptedHttpClient http;
    private static OidcClient client;
    private static PendingLogin pending;
    private static CallbackParameters callback;
    private static SignedInUser user;
    private static String loginToken;
    private static String refreshToken;
    private static String decoyToken;
    private static final Map<String, AtomicInteger> counts = new LinkedHashMap<>();
    /** Each distinct header is signed once: an RSA signature costs milliseconds, a verification a tenth of one. */
    private static final Map<String, String> signatures = new java.util.HashMap<>();
    private static long started;
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.imsauth.protocol");

    /** Which ID token a fuzzed token response carries. */
    enum IdToken { VALID, DECOY_SIGNED, GARBAGE, WRONG_TYPE, ABSENT }

    /** A fuzzed token-endpoint answer. */
    record TokenAnswer(int status, Map<String, Object> fields, IdToken idToken, Object garbage, String retryAfter) {
        Map<String, Object> body(String valid, String decoy) {
            Map<String, Object> body = new LinkedHashMap<>();
            fields.forEach((k, v) -> { if (v != ABSENT) body.put(k, v); });
            switch (idToken) {
                case VALID -> body.put("id_token", valid);
                case DECOY_SIGNED -> body.put("id_token", decoy);
                case GARBAGE, WRONG_TYPE -> body.put("id_token", garbage);
                case ABSENT -> body.remove("id_token");
            }
            return body;
        }

        /** Everything but expires_in (and extra members) as a correct provider sends it. */
        boolean otherwiseGood(boolean refresh) {
            return status == 200 && (idToken == IdToken.VALID || (refresh && idToken == IdToken.ABSENT))
                    && "at-1".equals(fields.get("access_token")) && "Bearer".equals(fields.get("token_type"))
                    && (fields.get("refresh_token") == ABSENT || "rt-2".equals(fields.get("refresh_token")))
                    && (fields.get("scope") == ABSENT || "openid profile".equals(fields.get("scope")));
        }
    }

    @BeforeContainer
    static void start() {
        started = System.nanoTime();
        // every fresh client reports a JWKS's odd members once: ten thousand warnings would cost more than the checks
        QUIET.setLevel(java.util.logging.Level.SEVERE);
        op = new InProcessProvider();
        http = op.http();
        client = InProcessProvider.client(http);
        pending = InProcessProvider.pending(client);
        callback = InProcessProvider.callback(pending);
        loginToken = op.sign(InProcessProvider.header(), InProcessProvider.validClaims(pending.nonce()));
        refreshToken = op.sign(InProcessProvider.header(), InProcessProvider.validClaims(null));
        decoyToken = InProcessProvider.sign(InProcessProvider.header(), InProcessProvider.validClaims(pending.nonce()), op.decoy);
        http.answer(TOKEN_PATH, Answer.json(200, JSONObjectUtils.toJSONString(InProcessProvider.tokenResponse(loginToken))));
        user = client.completeLogin(pending, callback);
    }

    @AfterContainer
    static void report() {
        QUIET.setLevel(null);
        StringBuilder s = new StringBuilder("provider fuzz (in-process, " + signatures.size() + " distinct headers signed):");
        counts.forEach((k, v) -> s.append(' ').append(k).append('=').append(v.get()));
        System.out.println(s.append(" in ").append(Duration.ofNanos(System.nanoTime() - started).toMillis()).append(" ms"));
        // each property that ran saw TRIES inputs, and its generator reached the accepting side often
        for (String[] p : new String[][] {{"token-responses", "token-responses signed in"}, {"jwks", "jwks signed in"},
                {"id-token headers", "id-token headers signed in"}, {"discovery", "discovery accepted"}}) {
            if (counts.containsKey(p[0])) {
                assertThat(counts.get(p[0]).get()).as(p[0]).isEqualTo(TRIES);
                assertThat(counts.getOrDefault(p[1], new AtomicInteger()).get()).as(p[1]).isGreaterThan(TRIES / 20);
            }
        }
    }

    @Property(tries = TRIES)
    @Catalogue({"I04", "I11"})
    void noTokenResponseSignsInWrongOrEscapesUntyped(@ForAll("tokenAnswers") TokenAnswer answer) {
        count("token-responses");
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("content-type", List.of("application/json")));
        if (answer.retryAfter() != null) {
            headers.put("retry-after", List.of(answer.retryAfter()));
        }
        for (boolean refresh : List.of(false, true)) {
            Map<String, Object> body = answer.body(refresh ? refreshToken : loginToken, decoyToken);
            http.answer(TOKEN_PATH, new Answer(answer.status(), headers, JSONObjectUtils.toJSONString(body)));
            Object outcome = outcome(() -> refresh ? client.refresh(user) : client.completeLogin(pending, callback));
            if (outcome instanceof SignedInUser signedIn) {
                count(refresh ? "token-responses refreshed" : "token-responses signed in");
                assertThat(answer.status()).isEqualTo(200);
                // a refresh may leave the ID token out (JSON null is absent too); a sign-in needs the valid one
                assertThat(answer.idToken() == IdToken.VALID || (refresh && body.get("id_token") == null))
                        .as("ID token %s", answer.idToken()).isTrue();
                assertThat(body.get("token_type")).asString().isEqualToIgnoringCase("bearer");
                assertThat(signedIn.tokens().accessToken()).isNotBlank(); // as sent, maybe trimmed by Nimbus
                assertThat(body.get("access_token")).asString().contains(signedIn.tokens().accessToken());
                assertBoundedLifetime(signedIn, body.getOrDefault("expires_in", ABSENT));
            } else {
                ImsAuthException e = (ImsAuthException) outcome;
                assertThat(answer.otherwiseGood(refresh)).as("refused a good answer: %s", e.getMessage()).isFalse();
                if (answer.status() >= 500 || answer.status() == 429) {
                    assertThat(e.reason()).isEqualTo("provider_fault");
                }
                assertThat(e.getMessage()).doesNotContain(loginToken).doesNotContain(refreshToken).doesNotContain("at-1");
            }
        }
    }

    @Property(tries = TRIES)
    @Catalogue({"I01", "I02", "I11"})
    void aJwksIsReadMemberByMemberAndOnlyASignatureKeyVerifies(@ForAll("jwksDocuments") JwksDocuments.Document doc) {
        count("jwks");
        ScriptedHttpClient own = op.http().answer(JWKS_PATH, Answer.json(200, doc.json()))
                .answer(TOKEN_PATH, Answer.json(200, JSONObjectUtils.toJSONString(InProcessProvider.tokenResponse(loginToken))));
        Object outcome = outcome(() -> InProcessProvider.client(own).completeLogin(pending, callback));
        assertThat(outcome instanceof SignedInUser).as("signed in with %s", doc).isEqualTo(doc.holdsTheSigningKey());
        if (outcome instanceof SignedInUser) {
            count("jwks signed in");
        } else {
            assertThat(((ImsAuthException) outcome).reason()).isIn("provider_fault", "invalid_id_token");
        }
        assertThat(own.calls(JWKS_PATH)).as("one JWKS fetch per sign-in at most").isEqualTo(1);
    }

    @Property(tries = TRIES)
    @Catalogue({"I07", "I11"})
    void discoveryIsAcceptedOnlyWhenExactAndSecure(@ForAll("discoveryDocuments") DiscoveryDocuments.Document doc) {
        count("discovery");
        ScriptedHttpClient own = new ScriptedHttpClient().answer(InProcessProvider.DISCOVERY_PATH, Answer.json(200, doc.json()));
        ProviderDiscovery discovery = new ProviderDiscovery(InProcessProvider.config().provider(),
                new ProviderHttp(own, Duration.ofSeconds(5), 1 << 20), InProcessProvider.CLOCK);
        Object outcome = outcome(discovery::metadata);
        assertThat(outcome instanceof ProviderMetadata).as("accepted %s", doc).isEqualTo(doc.ok());
        if (outcome instanceof ProviderMetadata m) {
            count("discovery accepted");
            assertThat(m.issuer()).isEqualTo(InProcessProvider.ISSUER);
            assertThat(List.of(m.authorizationEndpoint(), m.tokenEndpoint(), m.jwksUri()))
                    .allSatisfy(u -> assertThat(u.getScheme()).isEqualTo("https"));
        } else {
            assertThat(((ImsAuthException) outcome).reason()).isEqualTo("provider_unavailable");
        }
    }

    @Property(tries = TRIES)
    @Catalogue({"I09", "I11"})
    void anIdTokenHeaderIsAcceptedOnlyWhenItsAlgorithmKeyTypeAndSignatureAre(@ForAll("idTokenHeaders") IdTokens.Token token) {
        count("id-token headers");
        String signed = signatures.computeIfAbsent(token.toString(), k -> InProcessProvider.sign(token.header(),
                token.claims(pending.nonce()), token.decoy() ? op.decoy : op.key));
        http.answer(TOKEN_PATH, Answer.json(200, JSONObjectUtils.toJSONString(InProcessProvider.tokenResponse(signed))));
        Object outcome = outcome(() -> client.completeLogin(pending, callback));
        assertThat(outcome instanceof SignedInUser).as("signed in with %s", token).isEqualTo(token.ok());
        if (outcome instanceof SignedInUser) {
            count("id-token headers signed in");
        } else {
            assertThat(((ImsAuthException) outcome).reason()).isIn("invalid_id_token", "provider_fault");
        }
    }

    @Provide
    Arbitrary<TokenAnswer> tokenAnswers() {
        List<Integer> statuses = List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
                200, 200, 200, 200, 400, 401, 429, 500, 503, 302);
        List<Object> types = List.of("bearer", "BEARER", "mac", "DPoP", "N_A", "");
        List<Object> errors = List.of(ABSENT, ABSENT, ABSENT, "invalid_grant", "server_error", "<b>x</b>");
        List<String> retryAfter = java.util.Arrays.asList(null, null, null, null, "0", "120", "99999999999999999999", "-5",
                "Fri, 31 Dec 9999 23:59:59 GMT", "soon", "1.5");
        return Arbitraries.randomValue(r -> {
            Map<String, Object> m = new LinkedHashMap<>(ProviderInputs.extraMembers(r));
            m.put("access_token", ProviderInputs.field("at-1", r));
            m.put("token_type", r.nextInt(4) == 0 ? ProviderInputs.pick(types, r) : ProviderInputs.field("Bearer", r));
            m.put("expires_in", ProviderInputs.expiresIn(r));
            m.put("refresh_token", ProviderInputs.field("rt-2", r));
            m.put("scope", ProviderInputs.field("openid profile", r));
            m.put("error", ProviderInputs.pick(errors, r));
            IdToken kind = r.nextBoolean() ? IdToken.VALID : IdToken.values()[r.nextInt(IdToken.values().length)];
            Object garbage = ProviderInputs.anyJson(r);
            return new TokenAnswer(ProviderInputs.pick(statuses, r), m, kind,
                    kind == IdToken.GARBAGE ? "eyJ" + garbage + ".x.y" : garbage, ProviderInputs.pick(retryAfter, r));
        });
    }

    @Provide
    Arbitrary<JwksDocuments.Document> jwksDocuments() {
        return JwksDocuments.documents(op);
    }

    @Provide
    Arbitrary<DiscoveryDocuments.Document> discoveryDocuments() {
        return DiscoveryDocuments.documents();
    }

    @Provide
    Arbitrary<IdTokens.Token> idTokenHeaders() {
        return IdTokens.headers();
    }

    /** The lifetime is within the bounds; an integral expires_in inside them is kept exactly. */
    private static void assertBoundedLifetime(SignedInUser signedIn, Object expiresIn) {
        Duration lifetime = Duration.between(NOW, signedIn.tokens().expiresAt());
        assertThat(lifetime).isBetween(ProviderBounds.MIN_LIFETIME, ProviderBounds.MAX_LIFETIME);
        if (expiresIn instanceof Long || expiresIn instanceof Integer) {
            long s = ((Number) expiresIn).longValue();
            if (s >= 30 && s <= 86_400) {
                assertThat(lifetime).isEqualTo(Duration.ofSeconds(s));
            }
        }
        if (expiresIn == ABSENT || expiresIn == null || expiresIn instanceof Boolean || expiresIn instanceof Map
                || expiresIn instanceof List) {
            assertThat(lifetime).isEqualTo(ProviderBounds.DEFAULT_LIFETIME);
        }
    }

    /** The result, or the {@link ImsAuthException}; anything else thrown fails the property. */
    static Object outcome(Supplier<?> call) {
        try {
            return call.get();
        } catch (ImsAuthException e) {
            assertThat(e.reason()).as("a stable reason: %s", e.getMessage()).isIn(REASONS);
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("an untyped failure escaped: " + e, e);
        }
    }

    static synchronized void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
}
