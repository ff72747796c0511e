package dev.kelpie.diff.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Whether a JSON text (such as the last-applied annotation) holds the same value as a tree, read
 * as a token stream against the tree instead of being parsed into a second tree. Equality is
 * {@link JsonValues#equal}'s, but conservative: duplicate keys, floating-point and big numbers,
 * trailing content and malformed text all answer {@code false} ("parse it the usual way").
 * Stateless and thread-safe.
 */
public final class JsonTextMatch {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonTextMatch() {
    }

    /** Whether {@code text} is a JSON document equal to {@code tree}; false when unsure. */
    public static boolean matches(String text, JsonNode tree) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            return t != null && value(p, t, tree) && p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean value(JsonParser p, JsonToken t, JsonNode n) throws IOException {
        switch (t) {
            case START_OBJECT:
                if (!(n instanceof ObjectNode o)) {
                    return false;
                }
                int fields = 0;
                for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                    JsonNode child = o.get(p.currentName());
                    // duplicate keys fail the parser, so a matching count means every key was seen
                    if (child == null || !value(p, p.nextToken(), child)) {
                        return false;
                    }
                    fields++;
                }
                return fields == o.size();
            case START_ARRAY:
                if (!n.isArray()) {
                    return false;
                }
                int i = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    if (i >= n.size() || !value(p, e, n.get(i))) {
                        return false;
                    }
                    i++;
                }
                return i == n.size();
            case VALUE_STRING:
                return n.isTextual() && sameText(p, n.textValue());
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return false;
                }
                return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() == p.getLongValue();
            case VALUE_TRUE:
                return n.isBoolean() && n.booleanValue();
            case VALUE_FALSE:
                return n.isBoolean() && !n.booleanValue();
            case VALUE_NULL:
                return n.isNull();
            default:
                return false;
        }
    }

    private static boolean sameText(JsonParser p, String s) throws IOException {
        int len = p.getTextLength();
        if (len != s.length()) {
            return false;
        }
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
