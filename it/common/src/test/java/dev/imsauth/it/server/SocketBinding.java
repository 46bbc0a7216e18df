package dev.imsauth.it.server;

import dev.imsauth.testsupport.LoopbackPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <socket-binding name="http" port="${jboss.http.port:8080}"/>} of WildFly's standalone.xml: the port it
 * opens is its base port plus the group's port offset, unless it is {@code fixed-port="true"}. Shared by it/wildfly (one
 * server) and it/wildfly-ha (two nodes).
 */
public record SocketBinding(String name, int basePort, boolean fixed) {

    private static final Pattern ELEMENT = Pattern.compile("<socket-binding\\s([^>]*)>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    /** port="8080" or port="${jboss.http.port:8080}" (the server gets no such property, so the default holds) */
    private static final Pattern PORT = Pattern.compile("\\bport=\"(?:\\$\\{[^:}]+:)?(\\d+)}?\"");
    private static final Pattern FIXED = Pattern.compile("\\bfixed-port=\"true\"");

    /** Offsets tried at random before giving up; ports stay below the kernel's ephemeral range. */
    private static final int ATTEMPTS = 500;
    private static final int SMALLEST_OFFSET = 100;

    public int port(int offset) {
        return fixed ? basePort : basePort + offset;
    }

    /** The bindings that open a port (those with a {@code port}; a binding without one opens nothing). */
    public static List<SocketBinding> parse(String standaloneXml) {
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

    /**
     * A port offset at which every binding that the offset moves opens a port free on 127.0.0.1 and
     * {@code alsoAllowed} (e.g. not one another node of the test will open); {@code howToChoose} ends the
     * message when there is none.
     */
    public static int freeOffset(List<SocketBinding> bindings, IntPredicate alsoAllowed, String howToChoose) {
        List<SocketBinding> moved = bindings.stream().filter(binding -> !binding.fixed()).toList();
        int highest = moved.stream().mapToInt(SocketBinding::basePort).max().orElse(0);
        int largestOffset = LoopbackPorts.FIRST_EPHEMERAL_PORT - 1 - highest;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(SMALLEST_OFFSET, largestOffset + 1);
            if (moved.stream().mapToInt(binding -> binding.port(offset))
                    .allMatch(port -> alsoAllowed.test(port) && LoopbackPorts.isFree(port))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset between " + SMALLEST_OFFSET + " and " + largestOffset
                + " leaves every WildFly port free on 127.0.0.1 (" + ATTEMPTS + " tried); " + howToChoose);
    }
}
