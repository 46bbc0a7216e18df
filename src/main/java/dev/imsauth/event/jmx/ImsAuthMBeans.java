package dev.imsauth.event.jmx;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers an application's {@link EventCounters} in the platform MBean server as
 * {@code dev.imsauth:type=ImsAuth,context=<context path>} (the root context is {@code /}); {@link Registration#close()}
 * unregisters it, so a redeployed application leaves nothing behind. Registration never stops the application: a
 * name already taken (two filters in one application) or a server that refuses is logged and skipped.
 */
public final class ImsAuthMBeans {
    private static final System.Logger LOG = System.getLogger(ImsAuthMBeans.class.getName());

    private ImsAuthMBeans() {
    }

    /** The name under which the counters of the application at {@code contextPath} appear. */
    public static ObjectName name(String contextPath) {
        String context = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        String value = context.matches("[^,=:\"*?\\\\\\n]*") ? context : ObjectName.quote(context);
        try {
            return new ObjectName("dev.imsauth:type=ImsAuth,context=" + value);
        } catch (JMException e) {
            throw new IllegalArgumentException("not a usable context path for a JMX name: " + contextPath, e);
        }
    }

    /** Registers the counters; the result unregisters them (and does nothing when registration failed). */
    public static Registration register(String contextPath, EventCounters counters) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(contextPath);
        try {
            server.registerMBean(counters, name);
            LOG.log(System.Logger.Level.DEBUG, "Registered the ims-auth counters as {0}", name);
            return new Registration(server, name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.log(System.Logger.Level.WARNING, "The JMX name {0} is taken (a second ims-auth filter in this application?); "
                    + "these counters are not published", name);
        } catch (JMException | SecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot publish the ims-auth counters as {0}: {1}", name, e.toString());
        }
        return new Registration(null, name);
    }

    /** A registered MBean, unregistered by {@link #close()}. */
    public static final class Registration implements AutoCloseable {
        private final MBeanServer server;
        private final ObjectName name;

        private Registration(MBeanServer server, ObjectName name) {
            this.server = server;
            this.name = name;
        }

        @Override
        public void close() {
            if (server == null) {
                return;
            }
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException gone) {
                // already unregistered
            } catch (JMException | SecurityException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot unregister {0}: {1}", name, e.toString());
            }
        }
    }
}
