package dev.imsauth.testsupport;

/** The endpoint paths of the test provider; they are the ones Bentley IMS uses. */
public final class ProviderPaths {

    public static final String DISCOVERY = "/.well-known/openid-configuration";
    public static final String JWKS = DISCOVERY + "/jwks";
    public static final String AUTHORIZE = "/connect/authorize";
    public static final String TOKEN = "/connect/token";
    public static final String USERINFO = "/connect/userinfo";
    public static final String END_SESSION = "/connect/endsession";
    public static final String REVOCATION = "/connect/revocation";

    private ProviderPaths() {
    }
}
