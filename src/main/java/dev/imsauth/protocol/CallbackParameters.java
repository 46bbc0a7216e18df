package dev.imsauth.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of a callback request, checked for shape before anything else happens: at most one value
 * per parameter, each value bounded in size.
 */
public final class CallbackParameters {
    /** Longest value accepted for any callback parameter. */
    public static final int MAX_VALUE_LENGTH = 4096;
    private static final int MAX_DESCRIPTION_LENGTH = 300;
    private final Map<String, String> values;

    private CallbackParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Validates the raw parameters; {@link InvalidCallbackException} for anything malformed. */
    public static CallbackParameters of(Map<String, List<String>> raw) {
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        for (String name : List.of("state", "code", "error", "error_description", "iss")) {
            List<String> v = raw.get(name);
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (v.size() > 1) {
                throw new InvalidCallbackException("The sign-in response has the parameter '" + name + "' more than once");
            }
            String value = v.get(0);
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidCallbackException("The sign-in response has an oversized '" + name + "' parameter");
            }
            values.put(name, value);
        }
        return new CallbackParameters(values);
    }

    public Optional<String> state() {
        return get("state");
    }

    public Optional<String> code() {
        return get("code");
    }

    public Optional<String> error() {
        return get("error");
    }

    /** The provider's error description, cut to a readable length. */
    public Optional<String> errorDescription() {
        return get("error_description").map(d -> d.length() > MAX_DESCRIPTION_LENGTH ? d.substring(0, MAX_DESCRIPTION_LENGTH) + "…" : d);
    }

    public Optional<String> issuer() {
        return get("iss");
    }

    /** A value, where empty or white space only counts as absent (RFC 6749 §3.1: empty is omitted). */
    private Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(s -> !s.isBlank());
    }
}
