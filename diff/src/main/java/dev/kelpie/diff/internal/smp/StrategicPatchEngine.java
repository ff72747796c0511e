package dev.kelpie.diff.internal.smp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.PatchConflictException;
import dev.kelpie.diff.internal.json.JsonValues;

/**
 * The strategic merge patch entry points, with apimachinery's exact semantics. Inputs are
 * never modified: each call works on deep copies. Stateless and thread-safe.
 */
public final class StrategicPatchEngine {
    static final String APPLY = "strategic merge patch apply";
    static final String TWO_WAY = "strategic merge patch two-way create";
    static final String THREE_WAY = "strategic merge patch three-way create";

    private StrategicPatchEngine() {
    }

    /** {@code StrategicMergePatch(original, patch)}. */
    public static ObjectNode apply(JsonNode original, JsonNode patch, SchemaNode schema) {
        ObjectNode o = object(original, APPLY, "document");
        ObjectNode p = object(patch, APPLY, "patch");
        return PatchMerger.mergeMap(o, p, schema, PatchMerger.Options.APPLY, Trail.root(APPLY));
    }

    /** Applies {@code patch} to {@code document} in place (the caller owns it); the patch is copied. */
    public static ObjectNode applyInPlace(ObjectNode document, JsonNode patch, SchemaNode schema) {
        ObjectNode p = object(patch, APPLY, "patch");
        return PatchMerger.mergeMap(document, p, schema, PatchMerger.Options.APPLY, Trail.root(APPLY));
    }

    /** Whether a document holds no nulls and no {@code $}-keys (directives), so merging never edits it. */
    public static boolean isPlain(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode v = e.getValue();
                if ((!e.getKey().isEmpty() && e.getKey().charAt(0) == '$') || JsonValues.isNull(v)
                        || ((v instanceof ObjectNode || v instanceof com.fasterxml.jackson.databind.node.ArrayNode)
                        && !isPlain(v))) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (JsonNode item : a) {
                if (JsonValues.isNull(item) || !isPlain(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code CreateTwoWayMergePatch(original, modified)}. */
    public static ObjectNode createTwoWay(JsonNode original, JsonNode modified, SchemaNode schema) {
        // diffing reads original; the patch shares subtrees with modified, so only that is copied
        ObjectNode o = view(original, TWO_WAY, "original");
        ObjectNode m = object(modified, TWO_WAY, "modified");
        PatchDiffer.Options opts = new PatchDiffer.Options(true, false, false, false);
        return PatchDiffer.diffMaps(o, m, schema, opts, Trail.root(TWO_WAY));
    }

    /**
     * {@code CreateThreeWayMergePatch(original, modified, current, overwrite)}: changes from
     * current to modified (no deletions) plus deletions from original to modified.
     *
     * @throws PatchConflictException when {@code overwrite} is false and the patch changes a
     *     field that was changed differently from original to current
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current, SchemaNode schema,
            boolean overwrite) {
        return createThreeWay(original, modified, current, schema, overwrite, true);
    }

    /**
     * Same; {@code copyModified} false skips copying {@code modified} when it is plain (see
     * {@link #isPlain}; merging never edits such a tree): the patch then shares subtrees with it,
     * so it is for callers that copy the patch before changing it.
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current, SchemaNode schema,
            boolean overwrite, boolean copyModified) {
        ObjectNode o = view(original, THREE_WAY, "original");
        ObjectNode m = copyModified || !isPlain(modified) ? object(modified, THREE_WAY, "modified")
                : view(modified, THREE_WAY, "modified");
        ObjectNode c = view(current, THREE_WAY, "current");
        Trail root = Trail.root(THREE_WAY);
        ObjectNode delta = PatchDiffer.diffMaps(c, m, schema, new PatchDiffer.Options(true, false, true, false), root);
        // unchanged since the last apply (the steady state): there is nothing to delete
        ObjectNode deletions = JsonValues.equal(o, m) ? JsonValues.NODES.objectNode()
                : PatchDiffer.diffMaps(o, m, schema, new PatchDiffer.Options(true, true, false, false), root);
        ObjectNode patch = PatchMerger.mergeMap(deletions, delta, schema, PatchMerger.Options.COMBINE, root);
        if (!overwrite) {
            ObjectNode changed = PatchDiffer.diffMaps(o, c, schema, new PatchDiffer.Options(false, false, false, false), root);
            String conflict = ConflictDetector.firstConflict(patch, changed, schema, root);
            if (conflict != null) {
                throw new PatchConflictException(THREE_WAY, conflict,
                        "patch conflicts with changes made from original to current");
            }
        }
        return patch;
    }

    private static ObjectNode object(JsonNode node, String operation, String what) {
        return view(node, operation, what).deepCopy();
    }

    /** The document as an object, not copied: for inputs that are only read. */
    private static ObjectNode view(JsonNode node, String operation, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValues.NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new DiffException(operation, "", "invalid JSON document: " + what + " is a " + JsonValues.describe(node)
                    + ", expected an object");
        }
        return (ObjectNode) node;
    }
}
