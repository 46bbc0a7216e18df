package dev.imsauth.protocol;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.Prompt;
import dev.imsauth.config.Secret;
import dev.imsauth.config.SignInSettings;
import java.net.URI;
import java.time.Clock;
import dev.imsauth.config.AuthorizationParams;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds authorization requests: response_type=code, a fresh 256-bit state, nonce and PKCE verifier for
 * every sign-in, and code_challenge_method=S256 (the only method IMS supports); {@code prompt=consent} with
 * {@code offline_access} when configured.
 */
final class AuthorizationRequests {
    private final String clientId;
    private final SignInSettings signIn;
    private final Clock clock;

    AuthorizationRequests(String clientId, SignInSettings signIn, Clock clock) {
        this.clientId = clientId;
        this.signIn = signIn;
        this.clock = clock;
    }

    LoginRedirect create(ProviderMetadata metadata, URI redirectUri, String returnUrl, List<String> extraScopes,
                         Map<String, String> extraParameters) {
        Map<String, String> extra = new LinkedHashMap<>(signIn.authorizationParams());
        extraParameters.forEach((name, value) -> {
            String problem = AuthorizationParams.problem(name, value);
            if (problem != null) {
                throw new IllegalArgumentException("Refused an extra authorization parameter: " + problem);
            }
            extra.put(name, value);
        });
        LinkedHashSet<String> scopes = new LinkedHashSet<>(signIn.scopes());
        scopes.addAll(extraScopes);
        State state = new State(32);
        Nonce nonce = new Nonce(32);
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(scopes.toArray(String[]::new)),
                new ClientID(clientId), redirectUri)
                .endpointURI(metadata.authorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .prompt(promptFor(scopes, extra.remove("prompt")));
        extra.forEach(builder::customParameter);
        URI uri = builder.build().toURI();
        PendingLogin pending = new PendingLogin(state.getValue(), nonce.getValue(), Secret.of(verifier.getValue()),
                redirectUri.toString(), returnUrl, List.copyOf(scopes), clock.instant());
        return new LoginRedirect(uri, pending);
    }

    /**
     * {@code prompt=consent} when {@code offline_access} is asked for and {@code ims.offline-access-prompt-consent}
     * is on: OIDC Core §11 lets a provider ignore offline_access otherwise. Null (no prompt) by default, as IMS
     * grants offline_access without it and a consent screen on every sign-in would annoy its users.
     */
    private Prompt promptFor(LinkedHashSet<String> scopes, String extraPrompt) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        if (extraPrompt != null) {
            values.addAll(List.of(extraPrompt.trim().split("\\s+")));
        }
        if (signIn.offlineAccessPromptConsent() && scopes.contains("offline_access")) {
            values.add("consent");
        }
        if (values.isEmpty()) {
            return null;
        }
        try {
            return Prompt.parse(String.join(" ", values));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalArgumentException("Refused an extra authorization parameter: 'prompt' is not a valid "
                    + "prompt value (none, login, consent, select_account; none alone)");
        }
    }
}
