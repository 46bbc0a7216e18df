package dev.imsauth.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Protocol parameters of one request, where a repeated parameter is an error (RFC 6749 §3.1). */
final class Params {

    private final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Throws invalid_request when any parameter but the {@code allowed} ones appears twice. */
    Params requireSingleValues(Set<String> allowedRepeats) {
        values.forEach((name, list) -> {
            if (list.size() > 1 && !allowedRepeats.contains(name)) {
                throw OAuthProblem.invalidRequest("parameter " + name + " repeated");
            }
        });
        return this;
    }

    /** The first value, {@code null} when absent; an empty value counts as absent (RFC 6749 §3.1). */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0).isEmpty() ? null : list.get(0);
    }

    /** The value, or invalid_request when absent. */
    String require(String name) {
        String value = get(name);
        if (value == null) {
            throw OAuthProblem.invalidRequest(name + " is missing");
        }
        return value;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Map<String, List<String>> asMap() {
        return values;
    }

    /** Whether a space-separated scope string holds {@code scope}. */
    static boolean hasScope(String scopes, String scope) {
        return scopes != null && List.of(scopes.trim().split(" +")).contains(scope);
    }
}
