package dev.imsauth.it.wildfly;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <socket-binding name="http" port="${jboss.http.port:8080}"/>} of WildFly's standalone.xml: the port it
 * opens is its base port plus the group's port offset, unless it is {@code fixed-port="true"}.
 */
record SocketBinding(String name, int basePort, boolean fixed) {

    private static final Pattern ELEMENT = Pattern.compile("<socket-binding\\s([^>]*)>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    /** port="8080" or port="${jboss.http.port:8080}" (the server gets no such property, so the default holds) */
    private static final Pattern PORT = Pattern.compile("\\bport=\"(?:\\$\\{[^:}]+:)?(\\d+)}?\"");
    private static final Pattern FIXED = Pattern.compile("\\bfixed-port=\"true\"");

    int port(int offset) {
        return fixed ? basePort : basePort + offset;
    }

    /** The bindings that open a port (those with a {@code port}; a binding without one opens nothing). */
    static List<SocketBinding> parse(String standaloneXml) {
        Matcher element = ELEMENT.matcher(standaloneXml);
        List<SocketBinding> bindings = new ArrayList<>();
        while (element.find()) {
            String attributes = element.group(1);
            Matcher name = NAME.matcher(attributes);
            Matcher port = PORT.matcher(attributes);
            if (name.find() && port.find()) {
                bindings.add(new SocketBinding(name.group(1), Integer.parseInt(port.group(1)),
                        FIXED.matcher(attributes).find()));
            }
        }
        if (bindings.isEmpty()) {
            throw new IllegalStateException("no <socket-binding … port=…> in WildFly's standalone.xml");
        }
        return List.copyOf(bindings);
    }
}
