package dev.imsauth.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot work. It lists every problem found in one pass — each names its key and says
 * how to fix it — so a deployment learns all its mistakes at once instead of one per restart. The message
 * never contains a secret value.
 */
public class ImsAuthConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    /** One problem with one key. */
    public ImsAuthConfigException(String key, String message) {
        this(List.of(new Problem(key, message)));
    }

    /**
     * Several problems at once (at least one).
     *
     * @param problems every problem found, in the order of the keys checked
     */
    public ImsAuthConfigException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The (first) configuration key at fault, e.g. {@code ims.client-id}. */
    public String key() {
        return problems.get(0).key();
    }

    /** Every problem found, each with its key and fix. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems in the ims-auth configuration:" + problems.stream()
                .map(p -> System.lineSeparator() + "  " + p).collect(Collectors.joining());
    }

    /**
     * One invalid or missing setting.
     *
     * @param key the configuration key, e.g. {@code ims.client-id}
     * @param fix what is wrong and how to fix it
     */
    public record Problem(String key, String fix) implements java.io.Serializable {
        @Override
        public String toString() {
            return key + ": " + fix;
        }
    }
}
