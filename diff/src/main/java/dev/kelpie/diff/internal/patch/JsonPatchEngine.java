package dev.kelpie.diff.internal.patch;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON patch (RFC 6902): applies {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test} atomically (on a copy: a failing operation leaves nothing
 * half-applied) or in place, and generates a patch between two documents. Stateless and
 * thread-safe.
 *
 * <p>Two dialects: the RFC, and the one of evanphx/json-patch v4.12, the library both
 * {@code kubectl patch --type json} and kustomize v5 (its JSON 6902 patches) apply patches
 * with. {@link #apply(JsonNode, JsonNode, boolean)} lists the differences.
 */
public final class JsonPatchEngine {
    private static final String APPLY = "JSON patch apply";
    private static final JsonPatchEngine RFC = new JsonPatchEngine(false);
    private static final JsonPatchEngine KUBECTL = new JsonPatchEngine(true);

    private final boolean kubectl;

    private JsonPatchEngine(boolean kubectl) {
        this.kubectl = kubectl;
    }

    /** Applies every operation in order to a copy of {@code document}. */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        return RFC.applyAll(document, patch, true);
    }

    /**
     * Same; {@code kubectl} selects the dialect of evanphx/json-patch v4.12 (kubectl and
     * kustomize). A valid RFC patch that names only existing paths and not the root does the
     * same in both; the dialect accepts more:
     * <ul>
     *   <li>list indices are parsed like Go's {@code Atoi} ({@code 01}, {@code +1}) and a
     *       negative index counts from the end ({@code -1} is the last element; for
     *       {@code add}, {@code -1} appends);</li>
     *   <li>a missing object member reads as absent, not as an error: {@code replace} adds it,
     *       {@code copy} copies {@code null}, {@code test} with {@code "value": null}
     *       passes;</li>
     *   <li>{@code add} and {@code replace} without {@code value} write {@code null};</li>
     *   <li>pointers: the text before the first {@code /} is ignored ({@code spec/replicas}
     *       is {@code /replicas}); a non-empty pointer without {@code /} names nothing;
     *       {@code ~} not followed by {@code 0} or {@code 1} is a literal {@code ~};</li>
     *   <li>the document root: {@code replace} with an object or list value replaces the
     *       whole document and with any other value does nothing; {@code test} compares the
     *       whole document; {@code add}, {@code remove}, {@code move} and {@code copy}
     *       fail.</li>
     * </ul>
     * Numbers still compare by value in {@code test} (the Go library compares number text,
     * which only differs for the same number written two ways, e.g. {@code 1} and {@code 1.0}).
     */
    public static JsonNode apply(JsonNode document, JsonNode patch, boolean kubectl) {
        return (kubectl ? KUBECTL : RFC).applyAll(document, patch, true);
    }

    /**
     * Same, on {@code document} itself instead of a copy; operations before a failing one stay
     * applied. Returns the patched document ({@code document} unless the root was replaced).
     */
    public static JsonNode applyInPlace(JsonNode document, JsonNode patch, boolean kubectl) {
        return (kubectl ? KUBECTL : RFC).applyAll(document, patch, false);
    }

    private JsonNode applyAll(JsonNode document, JsonNode patch, boolean copy) {
        if (patch == null || !patch.isArray()) {
            throw new DiffException(APPLY, "", "a JSON patch must be a list of operations, got a " + JsonValues.describe(patch));
        }
        JsonNode doc = document == null ? NODES.nullNode() : copy ? document.deepCopy() : document;
        for (int i = 0; i < patch.size(); i++) {
            doc = applyOne(doc, patch.get(i), i);
        }
        return doc;
    }

    private JsonNode applyOne(JsonNode doc, JsonNode op, int index) {
        Where where = new Where(index, null, null);
        if (!op.isObject()) {
            throw new DiffException(APPLY, "", where + ": not an object");
        }
        String name = text(op, "op", where, "");
        JsonPointer path = pointer(op, "path", where);
        Where at = new Where(index, name, path.text());
        if (kubectl && rootRefused(name, path, op)) {
            throw new DiffException(APPLY, path.text(), at + ": operation does not apply to the document root");
        }
        switch (name) {
            case "add":
                return add(doc, path, value(op, at, path), at);
            case "remove":
                return remove(doc, path, at);
            case "replace":
                if (kubectl && path.isRoot() && !op.has("value")) {
                    throw new DiffException(APPLY, path.text(), at + ": missing \"value\"");
                }
                return replace(doc, path, value(op, at, path), at);
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
                JsonNode v = kubectl ? getOrAbsent(doc, from, at) : get(doc, from, at);
                return add(doc, path, v == null ? NODES.nullNode() : v.deepCopy(), at);
            }
            case "test": {
                JsonNode expected = op.get("value");
                if (expected == null) {
                    throw new DiffException(APPLY, path.text(), at + ": missing \"value\"");
                }
                JsonNode actual = kubectl ? getOrAbsent(doc, path, at) : get(doc, path, at);
                if (actual == null ? !expected.isNull() : !JsonValues.equal(actual, expected)) {
                    throw new DiffException(APPLY, path.text(), at + ": test failed: the value differs");
                }
                return doc;
            }
            default:
                throw new DiffException(APPLY, path.text(), where + ": unknown operation \"" + name + "\"");
        }
    }

    /**
     * Which operation failed, for messages: "operation 2 (add /a/b)". Its text is only made
     * when an error is thrown; patches are mostly applied without one.
     */
    private record Where(int index, String op, String path) {
        @Override
        public String toString() {
            return op == null ? "operation " + index : "operation " + index + " (" + op + " " + path + ")";
        }
    }

    /** evanphx v4 finds no container for the root, except in {@code replace} and {@code test}. */
    private static boolean rootRefused(String name, JsonPointer path, JsonNode op) {
        return switch (name) {
            case "add", "remove" -> path.isRoot();
            case "move", "copy" -> path.isRoot() || "".equals(op.path("from").textValue());
            default -> false;
        };
    }

    private static String text(JsonNode op, String field, Where where, String path) {
        JsonNode v = op.get(field);
        if (v == null || !v.isTextual()) {
            throw new DiffException(APPLY, path, where + ": missing or non-string \"" + field + "\"");
        }
        return v.textValue();
    }

    private JsonPointer pointer(JsonNode op, String field, Where where) {
        String t = text(op, field, where, "");
        if (kubectl) {
            return goPointer(t, where);
        }
        try {
            return JsonPointer.parse(t);
        } catch (IllegalArgumentException e) {
            throw new DiffException(APPLY, t, where + ": " + e.getMessage(), e);
        }
    }

    /**
     * A pointer read the way evanphx/json-patch v4 splits it: on every {@code /}, dropping
     * whatever precedes the first one, then {@code ~1} and {@code ~0} decoded left to right
     * (any other {@code ~} stays).
     */
    private static JsonPointer goPointer(String text, Where where) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        int first = text.indexOf('/');
        if (first < 0) {
            throw new DiffException(APPLY, text, where + ": path does not exist");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(first + 1).split("/", -1)) {
            StringBuilder sb = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
                if (c == '~' && (next == '0' || next == '1')) {
                    sb.append(next == '0' ? '~' : '/');
                    i++;
                } else {
                    sb.append(c);
                }
            }
            tokens.add(sb.toString());
        }
        return new JsonPointer(text, tokens);
    }

    private JsonNode value(JsonNode op, Where where, JsonPointer path) {
        JsonNode v = op.get("value");
        if (v == null) {
            if (kubectl) {
                return NODES.nullNode();
            }
            throw new DiffException(APPLY, path.text(), where + ": missing \"value\"");
        }
        return v.deepCopy();
    }

    private JsonNode get(JsonNode doc, JsonPointer p, Where where) {
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

    /** As {@link #get}, but a missing member of an existing object is {@code null} (evanphx v4). */
    private JsonNode getOrAbsent(JsonNode doc, JsonPointer p, Where where) {
        if (p.isRoot()) {
            return doc;
        }
        JsonNode parent = get(doc, p.parent(), where);
        if (parent instanceof ObjectNode o) {
            return o.get(p.last());
        }
        return get(parent, new JsonPointer(p.text(), List.of(p.last())), where);
    }

    private JsonNode add(JsonNode doc, JsonPointer p, JsonNode value, Where where) {
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

    private JsonNode replace(JsonNode doc, JsonPointer p, JsonNode value, Where where) {
        if (kubectl) {
            if (p.isRoot()) {
                return value.isContainerNode() ? value : doc;
            }
            JsonNode parent = get(doc, p.parent(), where);
            if (parent instanceof ObjectNode o) {
                // removed first so the member moves to the end, as an RFC replace (remove, add) does
                o.remove(p.last());
                o.set(p.last(), value);
                return doc;
            }
        }
        get(doc, p, where);
        return add(remove(doc, p, where), p, value, where);
    }

    private JsonNode remove(JsonNode doc, JsonPointer p, Where where) {
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

    private int index(String token, int max, JsonPointer p, Where where) {
        if (kubectl) {
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
    private static int goIndex(String token, int max, JsonPointer p, Where where) {
        int i;
        try {
            if (!asciiInteger(token)) {
                throw new NumberFormatException(token);
            }
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

    /** What Go's {@code Atoi} reads: a sign and ASCII digits ({@code parseInt} takes any script's digits). */
    private static boolean asciiInteger(String token) {
        int start = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
        if (token.length() == start) {
            return false;
        }
        for (int i = start; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
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
