package dev.imsauth.protocol;

/**
 * The userinfo endpoint could not vouch for the signed-in user: its {@code sub} is not the ID token's
 * ({@code userinfo_mismatch}, 401 kind: the sign-in is refused, a refreshed user signed out), or its answer
 * was unusable — an error status, not JSON, a signed {@code application/jwt} response the application did
 * not ask for, too many claims ({@code userinfo_failed}, 502 kind). Messages never hold a token or a claim value.
 */
public class UserInfoException extends ImsAuthException {
    private static final long serialVersionUID = 1L;

    private UserInfoException(Failure failure, String reason, String message) {
        super(failure, reason, message);
    }

    static UserInfoException mismatch() {
        return new UserInfoException(Failure.AUTHENTICATION_FAILED, "userinfo_mismatch",
                "The provider's userinfo response is about another subject than the ID token (OIDC Core 5.3.2)");
    }

    static UserInfoException failed(String why) {
        return new UserInfoException(Failure.PROVIDER_ERROR, "userinfo_failed", "The provider's userinfo "
                + "endpoint could not be used: " + why);
    }
}
