package dev.imsauth.client;

import java.util.Map;

/**
 * A user profile as the iTwin Users API returns it ({@code GET /users/me} answers {@code {"user":{…}}}).
 * Absent fields are {@code null}.
 */
public record ITwinUser(String id, String displayName, String givenName, String surname, String email,
                        String alternateEmail, String phone, String organizationName, String city, String country,
                        String language, String createdDateTime) {

    /** Reads the object under {@code "user"}, or the object itself when it has no such member. */
    static ITwinUser fromJson(Map<String, Object> json) {
        Map<?, ?> u = json.get("user") instanceof Map<?, ?> m ? m : json;
        return new ITwinUser(s(u, "id"), s(u, "displayName"), s(u, "givenName"), s(u, "surname"), s(u, "email"),
                s(u, "alternateEmail"), s(u, "phone"), s(u, "organizationName"), s(u, "city"), s(u, "country"),
                s(u, "language"), s(u, "createdDateTime"));
    }

    private static String s(Map<?, ?> m, String name) {
        Object v = m.get(name);
        return v == null ? null : v.toString();
    }
}
