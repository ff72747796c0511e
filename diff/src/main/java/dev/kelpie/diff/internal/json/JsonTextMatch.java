package dev.kelpie.diff.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a JSON text (such as the last-applied annotation) holds the same value as a tree, read
 * as a token stream against the tree instead of being parsed into a second tree. Equality is
 * {@link JsonValues#equal}'s, but conservative: duplicate keys, keys neither in the tree's order
 * nor sorted, floating-point and big numbers,
 * trailing content and malformed text all answer {@code false} ("parse it the usual way").
 * Stateless and thread-safe.
 */
public final class JsonTextMatch {
    private static final JsonFactory FACTORY = new JsonFactory();

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
                return n instanceof ObjectNode o && object(p, o);
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

    /**
     * The fields of an object: in the tree's order while they come in it (as when written from
     * the tree itself), then by name if all keys come sorted (as from writers that sort keys).
     * Either way no key can repeat, so with as many fields as the tree every key was compared.
     * Other orders, which would need a set of seen keys, answer false.
     */
    private static boolean object(JsonParser p, ObjectNode o) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        int fields = 0;
        boolean treeOrder = true;
        String previous = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonNode child = null;
            if (treeOrder) {
                Map.Entry<String, JsonNode> e = it.hasNext() ? it.next() : null;
                if (e != null && e.getKey().equals(name)) {
                    child = e.getValue();
                } else if (sortedSoFar(o, fields)) {
                    treeOrder = false;
                } else {
                    return false;
                }
            }
            if (child == null) {
                // out of the tree's order: only sorted keys are known to be distinct
                if (previous != null && previous.compareTo(name) >= 0) {
                    return false;
                }
                child = o.get(name);
            }
            if (child == null || !value(p, p.nextToken(), child)) {
                return false;
            }
            previous = name;
            fields++;
        }
        return fields == o.size();
    }

    /** Whether the first {@code n} keys of the tree are sorted (the prefix matched in tree order). */
    private static boolean sortedSoFar(ObjectNode o, int n) {
        String prev = null;
        Iterator<String> names = o.fieldNames();
        for (int i = 0; i < n; i++) {
            String name = names.next();
            if (prev != null && prev.compareTo(name) >= 0) {
                return false;
            }
            prev = name;
        }
        return true;
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
