package dev.imsauth.event;

import dev.imsauth.config.ConfigKey;
import dev.imsauth.config.ImsAuthConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the application's listeners: those named in {@code META-INF/services/dev.imsauth.event.ImsAuthEventListener}
 * (through {@link ServiceLoader}) and those named in {@code ims.event-listeners} (class names separated by
 * commas or spaces, each with a public no-argument constructor). A class that cannot be loaded or created stops
 * the start with an {@link ImsAuthConfigException} naming the key.
 */
public final class EventListeners {
    private EventListeners() {
    }

    /**
     * The listeners, those found by the ServiceLoader first; {@code classNames} is the key's value, if set.
     *
     * @param given the web application's class loader; null: the thread's context class loader
     */
    public static List<ImsAuthEventListener> load(ClassLoader given, Optional<String> classNames) {
        ClassLoader loader = given != null ? given : Thread.currentThread().getContextClassLoader();
        List<ImsAuthEventListener> found = new ArrayList<>();
        try {
            ServiceLoader.load(ImsAuthEventListener.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new ImsAuthConfigException(ConfigKey.EVENT_LISTENERS.key(), "a listener in META-INF/services/"
                    + ImsAuthEventListener.class.getName() + " cannot be created: " + e.getMessage());
        }
        for (String name : classNames.map(v -> v.trim().split("[,\\s]+")).orElse(new String[0])) {
            if (!name.isEmpty()) {
                found.add(create(loader, name));
            }
        }
        return found;
    }

    private static ImsAuthEventListener create(ClassLoader loader, String name) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ImsAuthConfigException(ConfigKey.EVENT_LISTENERS.key(), "names " + name
                    + ", which is not on the web application's class path; give the full class name");
        }
        if (!ImsAuthEventListener.class.isAssignableFrom(type)) {
            throw new ImsAuthConfigException(ConfigKey.EVENT_LISTENERS.key(), "names " + name + ", which does not implement "
                    + ImsAuthEventListener.class.getName());
        }
        try {
            return (ImsAuthEventListener) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ImsAuthConfigException(ConfigKey.EVENT_LISTENERS.key(), "names " + name + ", which cannot be created "
                    + "(it needs a public no-argument constructor): " + e.getClass().getName());
        }
    }
}
