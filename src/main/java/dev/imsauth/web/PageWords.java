package dev.imsauth.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The words of a built-in page, from a resource bundle chosen by the request's locale (the browser's
 * {@code Accept-Language}): English built in as the default, German as {@code _de}. An application adds a
 * language by putting {@code <bundle path>_<lang>.properties} among its classes (the context class loader is
 * asked first), or changes the English words with its own copy of the default file. Every text returned is
 * HTML-escaped.
 */
final class PageWords {
    /** The error and sign-out confirmation pages. */
    static final String PAGES = "dev.imsauth.servlet.PageMessages";
    /** The signed-out page. */
    static final String SIGNED_OUT = "dev.imsauth.servlet.SignedOutMessages";
    private final ResourceBundle bundle;

    private PageWords(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static PageWords of(String bundle, Locale locale) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        try {
            return new PageWords(ResourceBundle.getBundle(bundle, locale == null ? Locale.ROOT : locale,
                    context != null ? context : PageWords.class.getClassLoader(), control));
        } catch (MissingResourceException e) {
            return new PageWords(ResourceBundle.getBundle(bundle, Locale.ROOT, PageWords.class.getClassLoader(), control));
        }
    }

    /** The page's {@code lang}: the bundle's language, {@code en} for the default file. */
    String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /** The escaped text for {@code key} with {@code {0}}… filled in; the key itself when the bundle lacks it. */
    String html(String key, Object... arguments) {
        return ErrorResponses.html(find(key).map(t -> arguments.length == 0 ? t
                : new MessageFormat(t, bundle.getLocale()).format(arguments)).orElse(key));
    }

    /** The unescaped text for {@code key}, when the bundle has it. */
    Optional<String> find(String key) {
        try {
            return Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
