package dev.imsauth.protocol;

import com.nimbusds.jwt.JWTParser;
import dev.imsauth.config.ProviderSettings;
import dev.imsauth.config.UserInfoMode;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who the user is from the verified ID token and, when {@code ims.userinfo} says so, the provider's
 * userinfo endpoint: once after a sign-in and once after each refresh, never per request. {@code auto} calls
 * it only when the ID token lacks {@code ims.principal-claim} or {@code ims.groups-claim} (providers that keep
 * claims out of the ID token, OIDC Core §5.4); {@code always} after every sign-in and refresh; {@code never} not
 * at all. The ID token's claims win over userinfo's: they are signed and verified, userinfo only adds claims the
 * ID token lacks. The sign-in's nonce stays among the claims, so a refreshed ID token may repeat it.
 */
final class UserClaimsResolver {
    private static final System.Logger LOG = System.getLogger(UserClaimsResolver.class.getName());
    private static final String NONCE = "nonce";
    private final ProviderSettings config;
    private final UserInfoClient userInfo;

    UserClaimsResolver(ProviderSettings config, ProviderHttp http) {
        this.config = config;
        this.userInfo = new UserInfoClient(http);
    }

    /** The claims after a sign-in; a userinfo call that fails fails the sign-in: nobody is half signed in. */
    UserClaims atSignIn(ProviderMetadata meta, Map<String, Object> idTokenClaims, String accessToken) {
        if (!wanted(idTokenClaims)) {
            return new UserClaims(idTokenClaims);
        }
        return new UserClaims(merge(idTokenClaims, fetch(meta, accessToken, idTokenClaims)));
    }

    /**
     * The claims after a refresh. {@code fresh} are the verified claims of the refreshed ID token, or null when
     * the provider sent none (then the stored ID token's stand). A userinfo answer about another subject signs
     * the user out ({@link UserInfoException}, 401 kind); one that cannot be used keeps the claims from before
     * the refresh beneath the fresh ID token's, as the refreshed ID token (or none) confirmed the same subject.
     */
    UserClaims afterRefresh(ProviderMetadata meta, SignedInUser before, Map<String, Object> fresh, String accessToken) {
        Map<String, Object> idClaims = fresh != null ? fresh : storedIdTokenClaims(before);
        Map<String, Object> out;
        if (idClaims == null || !wanted(idClaims)) {
            out = fresh == null ? new LinkedHashMap<>(before.claims().all()) : new LinkedHashMap<>(fresh);
        } else {
            try {
                out = merge(idClaims, fetch(meta, accessToken, idClaims));
            } catch (ImsAuthException e) {
                if (e.failure() == Failure.AUTHENTICATION_FAILED) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "Userinfo after the refresh for subject {0} failed ({1}); "
                        + "the claims from before the refresh stay", before.claims().subject(), e.getMessage());
                out = merge(idClaims, before.claims().all());
            }
        }
        Optional<String> nonce = before.claims().string(NONCE);
        if (nonce.isPresent()) {
            out.putIfAbsent(NONCE, nonce.get());
        }
        return new UserClaims(out);
    }

    /** True when the configured mode asks for userinfo given these ID-token claims. */
    private boolean wanted(Map<String, Object> idTokenClaims) {
        return switch (config.userInfo()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> idTokenClaims.get(config.principalClaim()) == null || idTokenClaims.get(config.groupsClaim()) == null;
        };
    }

    private Map<String, Object> fetch(ProviderMetadata meta, String accessToken, Map<String, Object> idTokenClaims) {
        if (meta.userinfoEndpoint().isEmpty()) {
            if (config.userInfo() == UserInfoMode.ALWAYS) {
                throw UserInfoException.failed("the provider's discovery document names no userinfo_endpoint "
                        + "(ims.userinfo=always)");
            }
            return Map.of();
        }
        return userInfo.fetch(meta.userinfoEndpoint().get(), accessToken, String.valueOf(idTokenClaims.get("sub")));
    }

    /** The ID token's claims, with the other source's only where the ID token has none of that name. */
    private static Map<String, Object> merge(Map<String, Object> idTokenClaims, Map<String, Object> more) {
        Map<String, Object> out = new LinkedHashMap<>(idTokenClaims);
        more.forEach(out::putIfAbsent);
        return out;
    }

    /** The claims of the ID token kept in the session (verified when it arrived), or null when unreadable. */
    private static Map<String, Object> storedIdTokenClaims(SignedInUser user) {
        Optional<String> idToken = user.tokens().idToken();
        try {
            return idToken.isEmpty() ? null : JWTParser.parse(idToken.get()).getJWTClaimsSet().toJSONObject();
        } catch (ParseException e) {
            return null;
        }
    }
}
