package dev.kelpie.diff.internal.patch;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON patch (RFC 6902): applies {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test} atomically (on a copy: a failing operation leaves nothing
 * half-applied), and generates a patch between two documents. Stateless and thread-safe.
 */
public final class JsonPatchEngine {
    private static final String APPLY = "JSON patch apply";

    private JsonPatchEngine() {
    }

    /** Applies every operation in order to a copy of {@code document}. */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        return apply(document, patch, false);
    }

    /**
     * Same; {@code kubectl} selects the leniencies of the library kubectl uses
     * (evanphx/json-patch v4): list indices parsed like Go's {@code Atoi} (leading zeros, and
     * negative indices counting from the end), and operations on the document root refused.
     */
    public static JsonNode apply(JsonNode document, JsonNode patch, boolean kubectl) {
        KUBECTL.set(kubectl);
        try {
            return applyAll(document, patch);
        } finally {
            KUBECTL.remove();
        }
    }

    private static final ThreadLocal<Boolean> KUBECTL = ThreadLocal.withInitial(() -> false);

    private static JsonNode applyAll(JsonNode document, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new DiffException(APPLY, "", "a JSON patch must be a list of operations, got a " + JsonValues.describe(patch));
        }
        JsonNode doc = document == null ? NODES.nullNode() : document.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            doc = applyOne(doc, patch.get(i), i);
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op, int index) {
        String where = "operation " + index;
        if (!op.isObject()) {
            throw new DiffException(APPLY, "", where + ": not an object");
        }
        String name = text(op, "op", where, "");
        JsonPointer path = pointer(op, "path", where);
        String at = where + " (" + name + " " + path.text() + ")";
        if (KUBECTL.get() && !"test".equals(name)
                && (path.isRoot() || (op.has("from") && op.get("from").isTextual() && op.get("from").textValue().isEmpty()))) {
            throw new DiffException(APPLY, path.text(), at + ": operation does not apply to the document root");
        }
        switch (name) {
            case "add":
                return add(doc, path, value(op, at, path), at);
            case "remove":
                return remove(doc, path, at);
            case "replace":
                get(doc, path, at);
                return add(remove(doc, path, at), path, value(op, at, path), at);
            case "move": {
                JsonPointer from = pointer(op, "from", at);
                if (from.isProperPrefixOf(path)) {
                    throw new DiffException(APPLY, path.text(), at + ": cannot move a value into one of its children");
                }
                JsonNode v = get(doc, from, at);
                return add(remove(doc, from, at), path, v, at);
            }
            case "copy": {
                JsonPointer from = pointer(op, "from", at);
                return add(doc, path, get(doc, from, at).deepCopy(), at);
            }
            case "test": {
                JsonNode expected = value(op, at, path);
                JsonNode actual = get(doc, path, at);
                if (!JsonValues.equal(actual, expected)) {
                    throw new DiffException(APPLY, path.text(), at + ": test failed: the value differs");
                }
                return doc;
            }
            default:
                throw new DiffException(APPLY, path.text(), where + ": unknown operation \"" + name + "\"");
        }
    }

    private static String text(JsonNode op, String field, String where, String path) {
        JsonNode v = op.get(field);
        if (v == null || !v.isTextual()) {
            throw new DiffException(APPLY, path, where + ": missing or non-string \"" + field + "\"");
        }
        return v.textValue();
    }

    private static JsonPointer pointer(JsonNode op, String field, String where) {
        String t = text(op, field, where, "");
        try {
            return JsonPointer.parse(t);
        } catch (IllegalArgumentException e) {
            throw new DiffException(APPLY, t, where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode value(JsonNode op, String where, JsonPointer path) {
        JsonNode v = op.get("value");
        if (v == null) {
            throw new DiffException(APPLY, path.text(), where + ": missing \"value\"");
        }
        return v.deepCopy();
    }

    private static JsonNode get(JsonNode doc, JsonPointer p, String where) {
        JsonNode cur = doc;
        for (String token : p.tokens()) {
            JsonNode next = null;
            if (cur instanceof ObjectNode o) {
                next = o.get(token);
            } else if (cur instanceof ArrayNode a) {
                int i = index(token, a.size() - 1, p, where);
                next = a.get(i);
            }
            if (next == null) {
                throw new DiffException(APPLY, p.text(), where + ": path does not exist");
            }
            cur = next;
        }
        return cur;
    }

    private static JsonNode add(JsonNode doc, JsonPointer p, JsonNode value, String where) {
        if (p.isRoot()) {
            return value;
        }
        JsonNode parent = get(doc, p.parent(), where);
        if (parent instanceof ObjectNode o) {
            o.set(p.last(), value);
        } else if (parent instanceof ArrayNode a) {
            if ("-".equals(p.last())) {
                a.add(value);
            } else {
                a.insert(index(p.last(), a.size(), p, where), value);
            }
        } else {
            throw new DiffException(APPLY, p.text(), where + ": parent is not an object or a list");
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, JsonPointer p, String where) {
        if (p.isRoot()) {
            return NODES.nullNode();
        }
        JsonNode parent = get(doc, p.parent(), where);
        if (parent instanceof ObjectNode o) {
            if (o.remove(p.last()) == null) {
                throw new DiffException(APPLY, p.text(), where + ": path does not exist");
            }
        } else if (parent instanceof ArrayNode a) {
            a.remove(index(p.last(), a.size() - 1, p, where));
        } else {
            throw new DiffException(APPLY, p.text(), where + ": path does not exist");
        }
        return doc;
    }

    private static int index(String token, int max, JsonPointer p, String where) {
        if (KUBECTL.get()) {
            return goIndex(token, max, p, where);
        }
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)
                || (token.length() > 1 && token.charAt(0) == '0')) {
            throw new DiffException(APPLY, p.text(), where + ": invalid list index \"" + token + "\"");
        }
        int i = Integer.parseInt(token);
        if (i > max) {
            throw new DiffException(APPLY, p.text(), where + ": list index " + i + " is out of bounds");
        }
        return i;
    }

    /** Go's {@code strconv.Atoi} index with evanphx v4's negative indices (from the end). */
    private static int goIndex(String token, int max, JsonPointer p, String where) {
        int i;
        try {
            i = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new DiffException(APPLY, p.text(), where + ": invalid list index \"" + token + "\"", e);
        }
        int size = max + 1;
        if (i < 0) {
            if (i < -size) {
                throw new DiffException(APPLY, p.text(), where + ": list index " + i + " is out of bounds");
            }
            i += size;
        }
        if (i > max) {
            throw new DiffException(APPLY, p.text(), where + ": list index " + i + " is out of bounds");
        }
        return i;
    }

    /** A JSON patch turning {@code source} into {@code target}. */
    public static ArrayNode create(JsonNode source, JsonNode target) {
        ArrayNode ops = NODES.arrayNode();
        diff(source, target, "", ops);
        return ops;
    }

    private static void diff(JsonNode s, JsonNode t, String path, ArrayNode ops) {
        if (JsonValues.equal(s, t)) {
            return;
        }
        if (s != null && t != null && s.isObject() && t.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                String k = it.next().getKey();
                if (!t.has(k)) {
                    ops.addObject().put("op", "remove").put("path", path + "/" + JsonPointer.escape(k));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "/" + JsonPointer.escape(e.getKey());
                JsonNode sv = s.get(e.getKey());
                if (sv == null) {
                    ops.addObject().put("op", "add").put("path", child).set("value", e.getValue().deepCopy());
                } else {
                    diff(sv, e.getValue(), child, ops);
                }
            }
            return;
        }
        if (s != null && t != null && s.isArray() && t.isArray() && s.size() == t.size()) {
            for (int i = 0; i < s.size(); i++) {
                diff(s.get(i), t.get(i), path + "/" + i, ops);
            }
            return;
        }
        ops.addObject().put("op", "replace").put("path", path).set("value", t == null ? NODES.nullNode() : t.deepCopy());
    }
}
