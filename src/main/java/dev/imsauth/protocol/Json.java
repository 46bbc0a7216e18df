package dev.imsauth.protocol;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;

/**
 * JSON objects as plain Java maps (String, Number, Boolean, List, Map, null), for the API clients. Backed
 * by the JSON support Nimbus ships, so the library needs no JSON dependency of its own and Nimbus stays
 * inside this package.
 */
public final class Json {
    private Json() {
    }

    /**
     * Parses a JSON object.
     *
     * @throws IllegalArgumentException when the text is not a JSON object (the text is not quoted back)
     */
    public static Map<String, Object> parseObject(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
    }

    /** Writes a map as a JSON object. */
    public static String write(Map<String, ?> object) {
        return JSONObjectUtils.toJSONString(object);
    }
}
