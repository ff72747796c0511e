package dev.kelpie.diff.internal.smp;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.json.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Computes strategic merge patches between two documents ({@code diffMaps} in apimachinery):
 * additions and changes, {@code null} for removed map keys, {@code $patch: delete} for removed
 * merge-list elements, {@code $deleteFromPrimitiveList} for removed primitives,
 * {@code $setElementOrder} and {@code $retainKeys}. Reads its inputs without changing them; the
 * patch shares subtrees with {@code modified}.
 */
final class PatchDiffer {

    /** What a diff records ({@code DiffOptions}). */
    record Options(boolean setElementOrder, boolean ignoreChangesAndAdditions, boolean ignoreDeletions,
            boolean buildRetainKeys) {
        Options withRetainKeys(boolean retain) {
            return new Options(setElementOrder, ignoreChangesAndAdditions, ignoreDeletions, retain);
        }
    }

    private PatchDiffer() {
    }

    static ObjectNode diffMaps(ObjectNode original, ObjectNode modified, SchemaNode schema, Options o, Trail path) {
        ObjectNode patch = NODES.objectNode();
        List<JsonNode> retainKeys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = modified.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode mv = e.getValue();
            if (o.buildRetainKeys() && !JsonValues.isNull(mv)) {
                retainKeys.add(TextNode.valueOf(key));
            }
            JsonNode ov = original.get(key);
            if (ov == null) {
                if (!o.ignoreChangesAndAdditions()) {
                    patch.set(key, mv);
                }
                continue;
            }
            if (Directives.PATCH.equals(key)) {
                if (!ov.isTextual() || !mv.isTextual()) {
                    throw new DiffException(path.operation(), path.child(key).render(),
                            "invalid value for special key: " + Directives.PATCH);
                }
                if (!ov.textValue().equals(mv.textValue())) {
                    patch.set(key, mv);
                }
                continue;
            }
            Kind kind = JsonValues.kind(ov);
            if (kind != JsonValues.kind(mv)) {
                if (!o.ignoreChangesAndAdditions()) {
                    patch.set(key, mv);
                }
                continue;
            }
            if (kind == Kind.MAP) {
                handleMapDiff(key, (ObjectNode) ov, (ObjectNode) mv, patch, schema, o, path);
            } else if (kind == Kind.LIST) {
                handleSliceDiff(key, (ArrayNode) ov, (ArrayNode) mv, patch, schema, o, path);
            } else {
                replaceIfNotEqual(key, ov, mv, patch, o);
            }
        }
        if (!o.ignoreDeletions()) {
            original.fieldNames().forEachRemaining(k -> {
                if (!modified.has(k)) {
                    patch.putNull(k);
                }
            });
        }
        if (!retainKeys.isEmpty() && (patch.size() > 0 || hasAdditionalNewField(original, modified))) {
            patch.set(Directives.RETAIN_KEYS, ListOrder.array(ListOrder.sortScalars(retainKeys)));
        }
        return patch;
    }

    private static boolean hasAdditionalNewField(ObjectNode original, ObjectNode modified) {
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!JsonValues.isNull(e.getValue()) && !modified.has(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static void replaceIfNotEqual(String key, JsonNode ov, JsonNode mv, ObjectNode patch, Options o) {
        if (!o.ignoreChangesAndAdditions() && !JsonValues.equal(ov, mv)) {
            patch.set(key, mv);
        }
    }

    private static FieldMeta lookup(SchemaNode schema, String key, JsonNode ov, JsonNode mv, boolean slice, Trail path) {
        try {
            return slice ? schema.lookupForSlice(key, path) : schema.lookupForStruct(key, path);
        } catch (DiffException e) {
            // apimachinery: without metadata an unchanged field needs no patch; a changed one is an error
            if (JsonValues.equal(ov, mv)) {
                return null;
            }
            throw e;
        }
    }

    private static void handleMapDiff(String key, ObjectNode ov, ObjectNode mv, ObjectNode patch, SchemaNode schema,
            Options o, Trail path) {
        FieldMeta meta = lookup(schema, key, ov, mv, false, path);
        if (meta == null) {
            return;
        }
        Directives.Strategy s = Directives.strategy(meta, path.child(key));
        if (s.isReplace()) {
            if (!o.ignoreChangesAndAdditions()) {
                patch.set(key, mv);
            }
            return;
        }
        ObjectNode pv = diffMaps(ov, mv, meta.schema(), o.withRetainKeys(s.retainKeys()), path.child(key));
        if (pv.size() > 0) {
            patch.set(key, pv);
        }
    }

    private static void handleSliceDiff(String key, ArrayNode ov, ArrayNode mv, ObjectNode patch, SchemaNode schema,
            Options o, Trail path) {
        FieldMeta meta = lookup(schema, key, ov, mv, true, path);
        if (meta == null) {
            return;
        }
        Directives.Strategy s = Directives.strategy(meta, path.child(key));
        if (!s.isMerge()) {
            replaceIfNotEqual(key, ov, mv, patch, o);
            return;
        }
        ListDiff d = diffLists(ov, mv, meta.schema(), meta.mergeKey(), o.withRetainKeys(s.retainKeys()), path.child(key));
        if (!d.patch().isEmpty()) {
            patch.set(key, ListOrder.array(d.patch()));
        }
        if (!d.deletions().isEmpty()) {
            patch.set(Directives.DELETE_FROM_PRIMITIVE_LIST + "/" + key, ListOrder.array(d.deletions()));
        }
        if (!d.order().isEmpty()) {
            patch.set(Directives.SET_ELEMENT_ORDER + "/" + key, ListOrder.array(d.order()));
        }
    }

    /** The three parallel lists a merge-list diff yields. */
    record ListDiff(List<JsonNode> patch, List<JsonNode> deletions, List<JsonNode> order) {
        static final ListDiff EMPTY = new ListDiff(List.of(), List.of(), List.of());
    }

    private static ListDiff diffLists(ArrayNode originalNode, ArrayNode modifiedNode, SchemaNode schema, String mergeKey,
            Options o, Trail path) {
        List<JsonNode> original = ListOrder.items(originalNode);
        List<JsonNode> modified = ListOrder.items(modifiedNode);
        if (original.isEmpty()) {
            if (modified.isEmpty() || o.ignoreChangesAndAdditions()) {
                return ListDiff.EMPTY;
            }
            return new ListDiff(modified, List.of(), List.of());
        }
        Kind kind = ListOrder.elementKind(path, original, modified);
        if (kind == Kind.MAP) {
            List<List<JsonNode>> pd = diffListsOfMaps(original, modified, schema, mergeKey, o, path);
            List<JsonNode> patchList = ListOrder.normalizeSliceOrder(pd.get(0), modified, mergeKey, kind, path);
            boolean orderSame = isOrderSame(original, modified, mergeKey, path);
            patchList.addAll(pd.get(1));
            List<JsonNode> order = List.of();
            if (o.setElementOrder() && ((!o.ignoreChangesAndAdditions() && (!patchList.isEmpty() || !orderSame))
                    || (!o.ignoreDeletions() && !patchList.isEmpty()))) {
                order = new ArrayList<>(modified.size());
                for (JsonNode v : modified) {
                    ObjectNode key = NODES.objectNode();
                    key.set(mergeKey, v.get(mergeKey));
                    order.add(key);
                }
            }
            return new ListDiff(patchList, List.of(), order);
        }
        // The Go code sorts the original list in place before this comparison, so an unchanged
        // but unsorted primitive list still yields $setElementOrder, and a reorder into sorted
        // order yields none; we compare the same way (without touching the caller's tree).
        List<List<JsonNode>> ad = diffListsOfScalars(original, modified, o);
        List<JsonNode> add = ListOrder.normalizeSliceOrder(ad.get(0), modified, mergeKey, kind, path);
        List<JsonNode> order = List.of();
        if (o.setElementOrder() && ((!o.ignoreDeletions() && !ad.get(1).isEmpty())
                || (!o.ignoreChangesAndAdditions() && !JsonValues.equal(ListOrder.array(original), modifiedNode)))) {
            order = modified;
        }
        return new ListDiff(add, ad.get(1), order);
    }

    private static boolean isOrderSame(List<JsonNode> original, List<JsonNode> modified, String mergeKey, Trail path) {
        if (original.size() != modified.size()) {
            return false;
        }
        for (int i = 0; i < modified.size(); i++) {
            JsonNode l = ListOrder.requireMergeKey(ListOrder.requireMap(original.get(i), path), mergeKey, path);
            JsonNode r = ListOrder.requireMergeKey(ListOrder.requireMap(modified.get(i), path), mergeKey, path);
            if (!ListOrder.goEqual(l, r)) {
                return false;
            }
        }
        return true;
    }

    private static List<List<JsonNode>> diffListsOfScalars(List<JsonNode> original, List<JsonNode> modified, Options o) {
        List<JsonNode> os = ListOrder.sortScalars(original);
        List<JsonNode> ms = ListOrder.sortScalars(new ArrayList<>(modified));
        List<JsonNode> add = new ArrayList<>();
        List<JsonNode> del = new ArrayList<>();
        int oi = 0;
        int mi = 0;
        while (oi < os.size() || mi < ms.size()) {
            boolean oIn = oi < os.size();
            boolean mIn = mi < ms.size();
            int cmp = oIn && mIn ? JsonValues.goString(os.get(oi)).compareTo(JsonValues.goString(ms.get(mi))) : 0;
            if (oIn && mIn && cmp == 0) {
                oi++;
                mi++;
            } else if (!oIn || cmp > 0) {
                if (!o.ignoreChangesAndAdditions()) {
                    add.add(ms.get(mi));
                }
                mi++;
            } else {
                if (!o.ignoreDeletions()) {
                    del.add(os.get(oi));
                }
                oi++;
            }
        }
        return List.of(add, ListOrder.deduplicateScalars(del));
    }

    private static List<List<JsonNode>> diffListsOfMaps(List<JsonNode> original, List<JsonNode> modified,
            SchemaNode schema, String mergeKey, Options o, Trail path) {
        List<JsonNode> patch = new ArrayList<>();
        List<JsonNode> deletions = new ArrayList<>();
        List<JsonNode> os = sortByMergeKey(original, mergeKey, path);
        List<JsonNode> ms = sortByMergeKey(modified, mergeKey, path);
        int oi = 0;
        int mi = 0;
        while (oi < os.size() || mi < ms.size()) {
            boolean oIn = oi < os.size();
            boolean mIn = mi < ms.size();
            ObjectNode oe = oIn ? ListOrder.requireMap(os.get(oi), path) : null;
            ObjectNode me = mIn ? ListOrder.requireMap(ms.get(mi), path) : null;
            JsonNode ok = oIn ? ListOrder.requireMergeKey(oe, mergeKey, path) : null;
            JsonNode mk = mIn ? ListOrder.requireMergeKey(me, mergeKey, path) : null;
            int cmp = oIn && mIn ? JsonValues.goString(ok).compareTo(JsonValues.goString(mk)) : 0;
            if (oIn && mIn && cmp == 0) {
                ObjectNode pv = diffMaps(oe, me, schema, o, path.element(mergeKey + "=" + JsonValues.goString(mk)));
                if (pv.size() > 0) {
                    pv.set(mergeKey, mk);
                    patch.add(pv);
                }
                oi++;
                mi++;
            } else if (!oIn || cmp > 0) {
                if (!o.ignoreChangesAndAdditions()) {
                    patch.add(me);
                }
                mi++;
            } else {
                if (!o.ignoreDeletions()) {
                    ObjectNode d = NODES.objectNode();
                    d.set(mergeKey, ok);
                    d.put(Directives.PATCH, Directives.DELETE);
                    deletions.add(d);
                }
                oi++;
            }
        }
        return List.of(patch, deletions);
    }

    private static List<JsonNode> sortByMergeKey(List<JsonNode> list, String mergeKey, Trail path) {
        List<JsonNode> copy = new ArrayList<>(list);
        if (copy.size() < 2) {
            return copy;
        }
        ListOrder.elementKind(path, copy, List.of());
        String[] keys = new String[copy.size()];
        Integer[] order = new Integer[copy.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = JsonValues.goString(copy.get(i).get(mergeKey));
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        List<JsonNode> sorted = new ArrayList<>(copy.size());
        for (Integer i : order) {
            sorted.add(copy.get(i));
        }
        return sorted;
    }
}
