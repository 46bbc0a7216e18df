package dev.imsauth.config;

/**
 * The configuration cannot work. The message names the key and says how to fix it; it never
 * contains a secret value.
 */
public class ImsAuthConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ImsAuthConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code ims.client-id}. */
    public String key() {
        return key;
    }
}
