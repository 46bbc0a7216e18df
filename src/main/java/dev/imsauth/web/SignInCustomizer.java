package dev.imsauth.web;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ConfigSource;
import dev.imsauth.config.ImsAuthConfigException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Adds parameters to the authorization request of one sign-in, chosen per request: {@code login_hint} from a
 * cookie, {@code acr_values} for an admin area, {@code ui_locales} from the user's choice. They come after the
 * static {@code ims.authorization-params} and win over them; the parameters ims-auth sets itself
 * ({@code state}, {@code nonce}, {@code redirect_uri}, …) are refused: the sign-in is then not started and the
 * browser gets a 500 page with the reason {@code authorization_parameter_refused} (the log names the parameter).
 * Name the class (public, with a public no-argument constructor) in {@code ims.sign-in-customizer}.
 */
@FunctionalInterface
public interface SignInCustomizer {
    /** Adds nothing. */
    SignInCustomizer NONE = request -> Map.of();

    /**
     * The extra parameters for the sign-in this request starts; empty for none. Called once per sign-in, on the
     * request thread, before the redirect to the provider.
     */
    Map<String, String> authorizationParameters(HttpServletRequest request);

    /**
     * The customizer {@code ims.sign-in-customizer} names, loaded with {@code loader}; {@link #NONE} when unset.
     *
     * @throws ImsAuthConfigException naming the key when the class is missing, not a customizer, or cannot be made
     */
    static SignInCustomizer load(ConfigSource source, ClassLoader loader) {
        String name = source.get(ConfigKey.SIGN_IN_CUSTOMIZER.key()).orElse(null);
        if (name == null) {
            return NONE;
        }
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (!SignInCustomizer.class.isAssignableFrom(type)) {
                throw new ImsAuthConfigException(ConfigKey.SIGN_IN_CUSTOMIZER.key(), "names " + name + ", which does not "
                        + "implement " + SignInCustomizer.class.getName());
            }
            return (SignInCustomizer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ImsAuthConfigException(ConfigKey.SIGN_IN_CUSTOMIZER.key(), "names " + name + ", which cannot be "
                    + "loaded and created with a public no-argument constructor (" + e.getClass().getSimpleName() + ")");
        }
    }
}
