package dev.kelpie.diff.internal.patch;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.PatchConflictException;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386/7396) and the three-way JSON merge patch kubectl uses for custom
 * resources ({@code jsonmergepatch.CreateThreeWayJSONMergePatch}). Inputs are never modified.
 * Stateless and thread-safe.
 */
public final class MergePatchEngine {
    private static final String THREE_WAY = "JSON merge patch three-way create";

    private MergePatchEngine() {
    }

    /** RFC 7396 MergePatch(target, patch); {@code target} may be null (absent). */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        return merge(target == null ? null : target.deepCopy(), patch);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? NODES.nullNode() : patch.deepCopy();
        }
        ObjectNode t = target instanceof ObjectNode o ? o : NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                t.remove(e.getKey());
            } else {
                t.set(e.getKey(), merge(t.get(e.getKey()), e.getValue()));
            }
        }
        return t;
    }

    /** The merge patch that turns {@code original} into {@code modified} (objects only, lists replaced). */
    public static ObjectNode create(JsonNode original, JsonNode modified) {
        ObjectNode o = object(original, "JSON merge patch create", "original");
        ObjectNode m = object(modified, "JSON merge patch create", "modified");
        return diff(o, m);
    }

    private static ObjectNode diff(ObjectNode original, ObjectNode modified) {
        ObjectNode patch = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = modified.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode ov = original.get(e.getKey());
            JsonNode mv = e.getValue();
            if (ov == null) {
                patch.set(e.getKey(), mv.deepCopy());
            } else if (ov.isObject() && mv.isObject()) {
                ObjectNode sub = diff((ObjectNode) ov, (ObjectNode) mv);
                if (sub.size() > 0) {
                    patch.set(e.getKey(), sub);
                }
            } else if (!JsonValues.equal(ov, mv)) {
                patch.set(e.getKey(), mv.deepCopy());
            }
        }
        original.fieldNames().forEachRemaining(k -> {
            if (!modified.has(k)) {
                patch.putNull(k);
            }
        });
        return patch;
    }

    /**
     * The patch {@code kubectl apply} sends for types without strategic metadata: changes from
     * current to modified (no deletions) plus deletions from original to modified.
     *
     * @throws PatchConflictException when the deletions and the changes touch the same key
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current) {
        ObjectNode o = object(original, THREE_WAY, "original");
        ObjectNode m = object(modified, THREE_WAY, "modified");
        ObjectNode c = object(current, THREE_WAY, "current");
        ObjectNode addAndChange = keepOrDeleteNull(diff(c, m), false);
        ObjectNode deletions = keepOrDeleteNull(diff(o, m), true);
        String conflict = firstConflict(addAndChange, deletions, "");
        if (conflict != null) {
            throw new PatchConflictException(THREE_WAY, conflict, "patch conflicts: a field is both changed and deleted");
        }
        return (ObjectNode) merge(deletions, addAndChange);
    }

    /**
     * With {@code keepNull}, only the null leaves (deletions); without, only the rest. Sub-maps
     * left empty are dropped; explicitly empty maps count as values.
     */
    public static ObjectNode keepOrDeleteNull(ObjectNode m, boolean keepNull) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                if (keepNull) {
                    out.putNull(e.getKey());
                }
            } else if (v.isObject()) {
                if (v.isEmpty()) {
                    if (!keepNull) {
                        out.set(e.getKey(), v);
                    }
                    continue;
                }
                ObjectNode sub = keepOrDeleteNull((ObjectNode) v, keepNull);
                if (sub.size() > 0) {
                    out.set(e.getKey(), sub);
                }
            } else if (!keepNull) {
                out.set(e.getKey(), v);
            }
        }
        return out;
    }

    private static String firstConflict(JsonNode left, JsonNode right, String path) {
        if (left.isObject()) {
            if (!right.isObject()) {
                return path;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = left.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode rv = right.get(e.getKey());
                if (rv != null) {
                    String c = firstConflict(e.getValue(), rv, path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                    if (c != null) {
                        return c;
                    }
                }
            }
            return null;
        }
        if (left.isArray()) {
            if (!right.isArray() || left.size() != right.size()) {
                return path;
            }
            for (int i = 0; i < left.size(); i++) {
                String c = firstConflict(left.get(i), right.get(i), path + "[" + i + "]");
                if (c != null) {
                    return c;
                }
            }
            return null;
        }
        return JsonValues.equal(left, right) ? null : path;
    }

    private static ObjectNode object(JsonNode node, String operation, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new DiffException(operation, "", "invalid JSON document: " + what + " is a "
                    + JsonValues.describe(node) + ", expected an object");
        }
        return (ObjectNode) node;
    }
}
