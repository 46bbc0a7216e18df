package dev.imsauth.testsupport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request the test provider received, as it arrived.
 *
 * @param method  the HTTP method
 * @param path    the decoded path, e.g. {@link ProviderPaths#TOKEN}
 * @param query   query parameters, in order
 * @param form    form parameters of an {@code application/x-www-form-urlencoded} POST, else empty
 * @param headers request headers; the map's keys are case-insensitive
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, List<String>> form, Map<String, List<String>> headers) {

    private static final Set<String> SECRET_PARAMS = Set.of("code", "code_verifier", "client_secret",
            "token", "refresh_token", "access_token", "id_token_hint");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie");

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = copy(query, new LinkedHashMap<>());
        form = copy(form, new LinkedHashMap<>());
        headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }

    /** The first value of a parameter, looking in the query and then in the form; {@code null} if absent. */
    public String first(String param) {
        List<String> values = query.containsKey(param) ? query.get(param) : form.get(param);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the parameter is present in the query or the form. */
    public boolean has(String param) {
        return query.containsKey(param) || form.containsKey(param);
    }

    /** Codes, secrets, tokens and credentials are masked so a failing assertion prints none. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + " query=" + masked(query, SECRET_PARAMS)
                + " form=" + masked(form, SECRET_PARAMS) + " headers=" + masked(headers, SECRET_HEADERS) + "]";
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source,
                                                  Map<String, List<String>> target) {
        if (source != null) {
            source.forEach((key, values) -> target.put(key, List.copyOf(values)));
        }
        return Collections.unmodifiableMap(target);
    }

    private static Map<String, Object> masked(Map<String, List<String>> values, Set<String> secrets) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, list) -> out.put(key, secrets.contains(key.toLowerCase(Locale.ROOT)) ? "****" : list));
        return out;
    }
}
