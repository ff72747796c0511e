package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.smp.FieldMeta;
import dev.kelpie.diff.internal.smp.SchemaNode;
import dev.kelpie.diff.internal.smp.Trail;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fast path of the three-way diff: decides, in one read-only walk of the desired object
 * alongside the live one, that the patch {@code kubectl apply} would send changes nothing that
 * survives the default normalisation, without computing the patch, copying live or normalising
 * anything. It mirrors the delta part of the three-way patch (current to desired, no deletions)
 * and answers {@code true} only when every field desired sets already has, in live, a value
 * that normalises to the same (quantities, int-or-string digits), merge lists match element by
 * element in the same order, replaced lists and maps are equal, and nothing desired adds would
 * survive normalisation (empty maps and lists, nulls, status, server-owned metadata).
 *
 * <p>Conservative: {@code false} means "not sure", and the caller then computes the patch the
 * full way (which also raises any error the input deserves). There must be nothing to delete:
 * the caller passes the last-applied object, whose equality with desired the walk checks on the
 * way, or none when it deletes nothing. Secrets (whose {@code stringData}
 * normalisation folds into {@code data}) always take the full way. Stateless and thread-safe; allocates next to nothing.
 */
public final class InSyncCheck {
    private static final Trail TRAIL = Trail.root("diff");
    private static final String RETAIN_KEYS = "retainKeys";
    private static final String MERGE = "merge";
    private static final String REPLACE = "replace";

    /** Where in the object a map is: the root and metadata hold what normalisation strips. */
    private enum Level { ROOT, METADATA, ANNOTATIONS, OTHER }

    private InSyncCheck() {
    }

    /**
     * Whether the delta from {@code live} to {@code desired} is a no-op after normalisation.
     *
     * @param original null when there is nothing to delete; otherwise the last-applied object,
     *     which must then equal {@code desired} ({@link JsonValues#equal}), checked in the same walk
     * @param strategic strategic merge semantics with {@code schema} (built-in kinds); otherwise
     *     JSON merge patch semantics (lists replaced, nulls ignored, {@code $} keys plain data)
     */
    public static boolean unchanged(ObjectNode original, ObjectNode desired, ObjectNode live, SchemaNode schema,
            boolean strategic) {
        if (DefaultNormalisation.isSecret(desired) || DefaultNormalisation.isSecret(live)) {
            return false;
        }
        try {
            return map(original, desired, live, strategic ? schema : SchemaNode.open(), strategic, false, Level.ROOT);
        } catch (DiffException e) {
            return false;
        }
    }

    /** {@code original} (when not null) must equal {@code desired}; the other methods alike. */
    private static boolean map(JsonNode original, ObjectNode desired, ObjectNode live, SchemaNode schema,
            boolean strategic, boolean retainKeys, Level level) {
        if (original != null && (!(original instanceof ObjectNode) || original.size() != desired.size())) {
            return false;
        }
        if (retainKeys) {
            // $retainKeys would drop what live has beyond desired's keys
            for (Iterator<Map.Entry<String, JsonNode>> it = live.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!JsonValues.isNull(e.getValue()) && !desired.has(e.getKey())) {
                    return false;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode mv = e.getValue();
            JsonNode oc = original == null ? null : original.get(key);
            if (original != null && (oc == null || !sameKind(oc, mv))) {
                return false;
            }
            if (stripped(level, key)) {
                // normalisation removes the field from both sides, whatever the patch does to it
                if ((!(mv instanceof ObjectNode || mv instanceof ArrayNode) || mv.isEmpty()) && same(oc, mv)) {
                    continue;
                }
                return false;
            }
            if (strategic && !key.isEmpty() && key.charAt(0) == '$') {
                return false;
            }
            if (!field(key, oc, mv, live.get(key), schema, strategic, level)) {
                return false;
            }
        }
        return true;
    }

    private static boolean stripped(Level level, String key) {
        return switch (level) {
            case ROOT -> key.equals("status");
            case METADATA -> DefaultNormalisation.SERVER_METADATA.contains(key);
            case ANNOTATIONS -> key.equals(DefaultNormalisation.LAST_APPLIED);
            case OTHER -> false;
        };
    }

    private static boolean field(String key, JsonNode orig, JsonNode mv, JsonNode ov, SchemaNode schema,
            boolean strategic, Level level) {
        if (mv instanceof NullNode) {
            // strategic: deletes the field, a no-op when live has none; merge patch: ignored
            return (ov == null || ov instanceof NullNode || !strategic) && same(orig, mv);
        }
        if (ov == null || ov instanceof NullNode) {
            // the patch adds mv: harmless only when normalisation drops it again
            return (mv instanceof ObjectNode || mv instanceof ArrayNode) && mv.isEmpty() && same(orig, mv);
        }
        if (mv instanceof ObjectNode mo) {
            if (!(ov instanceof ObjectNode oo)) {
                return false;
            }
            Level next = level == Level.ROOT && key.equals("metadata") ? Level.METADATA
                    : level == Level.METADATA && key.equals("annotations") ? Level.ANNOTATIONS : Level.OTHER;
            if (!strategic) {
                return map(orig, mo, oo, schema, false, false, next);
            }
            FieldMeta meta = schema.lookupForStruct(key, TRAIL);
            List<String> s = meta.strategies();
            if (!validStrategies(s)) {
                return false;
            }
            if (s.contains(REPLACE)) {
                return JsonValues.equal(mo, oo) && same(orig, mo);
            }
            return map(orig, mo, oo, meta.schema(), true, s.contains(RETAIN_KEYS), next);
        }
        if (mv instanceof ArrayNode ma) {
            if (!(ov instanceof ArrayNode oa)) {
                return false;
            }
            if (!strategic) {
                return JsonValues.equal(ma, oa) && same(orig, ma);
            }
            FieldMeta meta = schema.lookupForSlice(key, TRAIL);
            List<String> s = meta.strategies();
            if (!validStrategies(s)) {
                return false;
            }
            if (!s.contains(MERGE)) {
                return JsonValues.equal(ma, oa) && same(orig, ma);
            }
            return mergeList(orig, ma, oa, meta, s.contains(RETAIN_KEYS));
        }
        if (!same(orig, mv)) {
            return false;
        }
        if (JsonValues.equal(mv, ov)) {
            return true;
        }
        if (ov instanceof ObjectNode || ov instanceof ArrayNode || !strategic) {
            return false;
        }
        // the patch replaces a scalar: fine when both normalise to the same value
        SchemaNode leaf = schema.lookupForStruct(key, TRAIL).schema();
        if (!(leaf instanceof SchemaNode.Leaf)) {
            return false;
        }
        return JsonValues.equal(DefaultNormalisation.leaf(mv, leaf), DefaultNormalisation.leaf(ov, leaf));
    }

    /** Whether {@code original} (null: not to be checked) equals {@code value}. */
    private static boolean same(JsonNode original, JsonNode value) {
        return original == null || JsonValues.equal(original, value);
    }

    /** A cheap first test of {@link JsonValues#equal} (maps and lists must both be maps or lists). */
    private static boolean sameKind(JsonNode a, JsonNode b) {
        return (a instanceof ObjectNode) == (b instanceof ObjectNode) && (a instanceof ArrayNode) == (b instanceof ArrayNode);
    }

    /** As apimachinery splits strategies: at most one besides retainKeys. */
    private static boolean validStrategies(List<String> s) {
        return switch (s.size()) {
            case 0, 1 -> true;
            case 2 -> s.get(0).equals(RETAIN_KEYS) || s.get(1).equals(RETAIN_KEYS);
            default -> false;
        };
    }

    /**
     * A merge list: elements pair up by merge key in the same order (so no element is added and
     * the order directive changes nothing), and each pair is in sync. Lists of scalars must be equal.
     */
    private static boolean mergeList(JsonNode original, ArrayNode desired, ArrayNode live, FieldMeta meta,
            boolean retainKeys) {
        if (original != null && (!(original instanceof ArrayNode) || original.size() != desired.size())) {
            return false;
        }
        if (live.isEmpty() || desired.size() != live.size()) {
            return desired.isEmpty() && live.isEmpty();
        }
        String mergeKey = meta.mergeKey();
        if (!(live.get(0) instanceof ObjectNode)) {
            return scalars(live) && JsonValues.equal(desired, live) && same(original, desired);
        }
        if (mergeKey.isEmpty()) {
            return false;
        }
        for (int i = 0; i < desired.size(); i++) {
            if (!(desired.get(i) instanceof ObjectNode me) || !(live.get(i) instanceof ObjectNode oe)) {
                return false;
            }
            JsonNode mk = me.get(mergeKey);
            JsonNode ok = oe.get(mergeKey);
            if (mk == null || ok == null || !sameKey(mk, ok)) {
                return false;
            }
            if (!map(original == null ? null : original.get(i), me, oe, meta.schema(), true, retainKeys, Level.OTHER)) {
                return false;
            }
        }
        return true;
    }

    /** One kind of scalar throughout (the patch engine refuses mixed lists). */
    private static boolean scalars(ArrayNode list) {
        JsonValues.Kind kind = JsonValues.kind(list.get(0));
        if (kind != JsonValues.Kind.STRING && kind != JsonValues.Kind.NUMBER && kind != JsonValues.Kind.BOOL) {
            return false;
        }
        for (JsonNode v : list) {
            if (JsonValues.kind(v) != kind) {
                return false;
            }
        }
        return true;
    }

    /** Same merge key as the engine matches them (by Go text), for the kinds where that is plain equality. */
    private static boolean sameKey(JsonNode a, JsonNode b) {
        if (a instanceof TextNode && b instanceof TextNode) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return JsonValues.equal(a, b);
        }
        if (a instanceof BooleanNode && b instanceof BooleanNode) {
            return a.booleanValue() == b.booleanValue();
        }
        return false;
    }
}
