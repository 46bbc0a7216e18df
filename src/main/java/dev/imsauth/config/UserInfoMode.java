package dev.imsauth.config;

import java.util.Locale;

/** When the provider's userinfo endpoint is called after a sign-in and after each refresh ({@code ims.userinfo}). */
public enum UserInfoMode {
    /** Only when the ID token lacks the principal claim or the groups claim (providers that follow OIDC Core §5.4). */
    AUTO,
    /** After every sign-in and refresh. */
    ALWAYS,
    /** Never: the claims are the ID token's alone (Bentley IMS puts them all there). */
    NEVER;

    static UserInfoMode parse(String key, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImsAuthConfigException(key, "must be auto, always or never; got '" + text + "'");
        }
    }
}
