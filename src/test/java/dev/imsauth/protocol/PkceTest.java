package dev.imsauth.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.imsauth.config.ImsAuthConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. (The pair quoted in issue 3 mixes two strings and is not the RFC's.) */
    @Test
    void s256MatchesTheRfc7636AppendixBVector() {
        CodeVerifier verifier = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void everyAuthorizationRequestHasFreshS256ChallengeStateAndNonce() {
        ImsAuthConfig config = ImsAuthConfig.builder().clientId("app").build();
        AuthorizationRequests requests = new AuthorizationRequests(config.provider().clientId(), config.signIn(),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        ProviderMetadata meta = new ProviderMetadata("https://ims.bentley.com",
                URI.create("https://ims.bentley.com/connect/authorize"), URI.create("https://ims.bentley.com/connect/token"),
                URI.create("https://ims.bentley.com/jwks"), Optional.empty(), Optional.empty(), Optional.empty(), false, List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            LoginRedirect login = requests.create(meta, URI.create("https://app.example/signin-oidc"), "/x", List.of(), java.util.Map.of());
            Map<String, String> q = query(login.authorizationUri());
            PendingLogin p = login.pending();
            assertThat(q).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                    .containsEntry("client_id", "app").containsEntry("redirect_uri", "https://app.example/signin-oidc")
                    .containsEntry("state", p.state()).containsEntry("nonce", p.nonce())
                    .doesNotContainKey("code_verifier");
            assertThat(q.get("scope").split(" ")).contains("openid", "offline_access", "itwin-platform");
            String verifier = p.verifier().reveal();
            assertThat(verifier).matches("[A-Za-z0-9\\-._~]{43,128}");
            assertThat(login.authorizationUri().toString()).doesNotContain(verifier);
            assertThat(q.get("code_challenge")).isEqualTo(
                    CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue());
            assertThat(p.state()).matches("[A-Za-z0-9_\\-]{43,}");
            assertThat(p.nonce()).matches("[A-Za-z0-9_\\-]{43,}");
            assertThat(seen.add(p.state())).isTrue();
            assertThat(seen.add(p.nonce())).isTrue();
            assertThat(seen.add(verifier)).isTrue();
        }
    }

    static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0],
                        kv -> java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
    }
}
