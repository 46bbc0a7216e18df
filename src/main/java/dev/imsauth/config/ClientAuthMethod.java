package dev.imsauth.config;

import java.util.Locale;

/** How the app authenticates itself at the token endpoint. */
public enum ClientAuthMethod {
    /** A public client (SPA-style registration): no secret, PKCE only. */
    NONE("none"),
    /** HTTP Basic with the form-url-encoded client id and secret (RFC 6749 §2.3.1). */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** client_id and client_secret in the form body. */
    CLIENT_SECRET_POST("client_secret_post");

    private final String value;

    ClientAuthMethod(String value) {
        this.value = value;
    }

    /** The OAuth name, e.g. {@code client_secret_basic}. */
    public String value() {
        return value;
    }

    /** Parses the OAuth name, failing with an {@link ImsAuthConfigException} that names {@code key}. */
    static ClientAuthMethod parseForKey(String key, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImsAuthConfigException(key, e.getMessage() + "; got '" + text + "'");
        }
    }

    static ClientAuthMethod parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ClientAuthMethod m : values()) {
            if (m.value.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be one of none, client_secret_basic, client_secret_post");
    }
}
