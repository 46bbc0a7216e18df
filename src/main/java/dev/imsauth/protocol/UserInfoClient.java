package dev.imsauth.protocol;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Calls the provider's userinfo endpoint (OIDC Core §5.3) with the access token in the
 * {@code Authorization: Bearer} header (never the query), through {@link ProviderHttp}, so the call has
 * the same deadline and size cap as every other provider call. The answer must be a JSON object (a signed
 * {@code application/jwt} answer is refused: signed userinfo is not configured), hold at most
 * {@value #MAX_CLAIMS} members, and name the ID token's {@code sub} (§5.3.2).
 */
final class UserInfoClient {
    /** The most claims a userinfo answer may hold; they are kept in the session. */
    static final int MAX_CLAIMS = 100;
    private final ProviderHttp http;

    UserInfoClient(ProviderHttp http) {
        this.http = http;
    }

    /** The userinfo claims for the user whose ID token names {@code subject}. */
    Map<String, Object> fetch(URI endpoint, String accessToken, String subject) {
        HTTPRequest request = new UserInfoRequest(endpoint, new BearerAccessToken(accessToken)).toHTTPRequest();
        request.setAccept("application/json");
        HTTPResponse response = http.send(request);
        if (response.getStatusCode() != 200) {
            throw UserInfoException.failed("it answered HTTP " + response.getStatusCode());
        }
        String type = response.getHeaderValue("Content-Type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("application/jwt")) {
            throw UserInfoException.failed("it answered with a signed application/jwt document, which this "
                    + "application does not ask for");
        }
        if (!type.startsWith("application/json")) {
            throw UserInfoException.failed("its answer is not application/json");
        }
        UserInfo info;
        try {
            info = UserInfoResponse.parse(response).toSuccessResponse().getUserInfo();
        } catch (ParseException | RuntimeException e) {
            throw UserInfoException.failed("its answer is not a JSON object with a sub");
        }
        if (info == null || info.getSubject() == null) {
            throw UserInfoException.failed("its answer has no sub");
        }
        Map<String, Object> claims = info.toJSONObject();
        if (claims.size() > MAX_CLAIMS) {
            throw UserInfoException.failed("its answer holds more than " + MAX_CLAIMS + " claims");
        }
        if (!MessageDigest.isEqual(info.getSubject().getValue().getBytes(StandardCharsets.UTF_8),
                subject.getBytes(StandardCharsets.UTF_8))) {
            throw UserInfoException.mismatch();
        }
        return claims;
    }
}
