package dev.kelpie.diff.internal.smp;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.json.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges a strategic merge patch into a document ({@code mergeMap} in apimachinery), or, with
 * {@code mergeParallelList} off, one patch into another (the three-way patch). Mutates its
 * arguments: callers pass copies.
 */
final class PatchMerger {

    /** {@code MergeOptions}: applying (both true) or combining two patches (both false). */
    record Options(boolean mergeParallelList, boolean ignoreUnmatchedNulls) {
        static final Options APPLY = new Options(true, true);
        static final Options COMBINE = new Options(false, false);
    }

    private PatchMerger() {
    }

    static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, SchemaNode schema, Options m, Trail path) {
        JsonNode directive = patch.get(Directives.PATCH);
        if (directive != null) {
            return directiveInMap(directive, patch, path);
        }
        if (original == null) {
            original = NODES.objectNode();
        }
        applyRetainKeys(original, patch, m, path);
        mergeOrderedLists(original, patch, schema, m, path);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        patch.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            String k = e.getKey();
            JsonNode pv = e.getValue();
            boolean isDeleteList = false;
            if (k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
                if (!m.mergeParallelList()) {
                    original.set(k, pv);
                    continue;
                }
                k = extractKey(k, Directives.DELETE_FROM_PRIMITIVE_LIST, path);
                isDeleteList = true;
            }
            if (JsonValues.isNull(pv)) {
                original.remove(k);
                if (m.ignoreUnmatchedNulls()) {
                    continue;
                }
            }
            JsonNode ov = original.get(k);
            Kind kind = JsonValues.kind(ov);
            if (ov == null || kind != JsonValues.kind(pv)) {
                if (!isDeleteList) {
                    takePatchValue(original, k, pv, m);
                }
                continue;
            }
            Trail here = path.child(k);
            if (kind == Kind.MAP) {
                FieldMeta meta = schema.lookupForStruct(k, path);
                Directives.Strategy s = Directives.strategy(meta, here);
                original.set(k, s.isReplace() ? pv : mergeMap((ObjectNode) ov, (ObjectNode) pv, meta.schema(), m, here));
            } else if (kind == Kind.LIST) {
                FieldMeta meta = schema.lookupForSlice(k, path);
                Directives.Strategy s = Directives.strategy(meta, here);
                original.set(k, mergeSliceHandler((ArrayNode) ov, (ArrayNode) pv, meta, s, isDeleteList, m, here));
            } else {
                original.set(k, pv);
            }
        }
        return original;
    }

    private static void takePatchValue(ObjectNode original, String k, JsonNode pv, Options m) {
        if (m.ignoreUnmatchedNulls()) {
            discardNulls(pv);
        }
        JsonNode v = removeDirectives(pv);
        if (v == null) {
            original.remove(k);
        } else {
            original.set(k, v);
        }
    }

    private static ObjectNode directiveInMap(JsonNode directive, ObjectNode patch, Trail path) {
        if (directive.isTextual() && Directives.REPLACE.equals(directive.textValue())) {
            patch.remove(Directives.PATCH);
            return patch;
        }
        if (directive.isTextual() && Directives.DELETE.equals(directive.textValue())) {
            return NODES.objectNode();
        }
        throw new DiffException(path.operation(), path.render(),
                "unknown patch type: " + JsonValues.goString(directive) + " in map");
    }

    /** Drops null values inside maps (and maps inside lists), recursively. */
    static void discardNulls(JsonNode v) {
        if (v instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                JsonNode child = it.next().getValue();
                if (JsonValues.isNull(child)) {
                    it.remove();
                } else {
                    discardNulls(child);
                }
            }
        } else if (v instanceof ArrayNode a) {
            a.forEach(PatchMerger::discardNulls);
        }
    }

    /** Removes maps carrying {@code $patch} from a value; returns null when the value itself is one. */
    static JsonNode removeDirectives(JsonNode v) {
        if (v instanceof ObjectNode o) {
            if (o.has(Directives.PATCH)) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode kept = removeDirectives(e.getValue());
                if (kept == null) {
                    it.remove();
                } else if (kept != e.getValue()) {
                    e.setValue(kept);
                }
            }
            return o;
        }
        if (v instanceof ArrayNode a) {
            ArrayNode res = NODES.arrayNode(a.size());
            for (JsonNode item : a) {
                JsonNode kept = removeDirectives(item);
                if (kept != null) {
                    res.add(kept);
                }
            }
            return res;
        }
        return v;
    }

    static String extractKey(String key, String prefix, Trail path) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            String what = Directives.SET_ELEMENT_ORDER.equals(prefix) ? "setElementOrder list" : "primitive list";
            throw new DiffException(path.operation(), path.child(key).render(), "invalid patch format of " + what);
        }
        return key.substring(slash + 1);
    }

    private static void applyRetainKeys(ObjectNode original, ObjectNode patch, Options m, Trail path) {
        JsonNode retain = patch.remove(Directives.RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!m.mergeParallelList()) {
            JsonNode existing = original.get(Directives.RETAIN_KEYS);
            if (existing == null) {
                original.set(Directives.RETAIN_KEYS, retain);
            } else if (!JsonValues.equal(existing, retain)) {
                throw new DiffException(path.operation(), path.render(),
                        "$retainKeys lists differ: this may happen when calculating the 3-way diff patch");
            }
            return;
        }
        if (!retain.isArray()) {
            throw new DiffException(path.operation(), path.render(), "invalid patch format of retainKeys");
        }
        List<JsonNode> keys = ListOrder.items(retain);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (e.getValue().isNull() || k.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)
                    || k.startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            if (!containsText(keys, k)) {
                throw new DiffException(path.operation(), path.render(),
                        "invalid patch format of retainKeys: field \"" + k + "\" is not listed in $retainKeys");
            }
        }
        List<String> names = new ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        for (String k : names) {
            if (!containsText(keys, k)) {
                original.remove(k);
            }
        }
    }

    private static boolean containsText(List<JsonNode> keys, String k) {
        for (JsonNode n : keys) {
            if (n.isTextual() && n.textValue().equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** Handles each {@code $setElementOrder/<list>} together with {@code <list>} ({@code mergePatchIntoOriginal}). */
    private static void mergeOrderedLists(ObjectNode original, ObjectNode patch, SchemaNode schema, Options m, Trail path) {
        List<String> keys = new ArrayList<>();
        patch.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!key.startsWith(Directives.SET_ELEMENT_ORDER)) {
                continue;
            }
            JsonNode order = patch.get(key);
            if (!m.mergeParallelList()) {
                JsonNode existing = original.get(key);
                if (existing == null) {
                    original.set(key, order);
                } else if (!JsonValues.equal(existing, order)) {
                    throw new DiffException(path.operation(), path.child(key).render(),
                            "invalid patch format of setElementOrder list");
                }
            }
            patch.remove(key);
            if (!order.isArray()) {
                throw new DiffException(path.operation(), path.child(key).render(),
                        "expected a list, but received a " + JsonValues.describe(order));
            }
            String listKey = extractKey(key, Directives.SET_ELEMENT_ORDER, path);
            Trail here = path.child(listKey);
            JsonNode ol = original.get(listKey);
            JsonNode pl = patch.get(listKey);
            for (JsonNode l : new JsonNode[] {ol, pl}) {
                if (l != null && !l.isArray()) {
                    throw new DiffException(path.operation(), here.render(),
                            "expected a list, but received a " + JsonValues.describe(l));
                }
            }
            FieldMeta meta = schema.lookupForSlice(listKey, path);
            Directives.Strategy s = Directives.strategy(meta, here);
            String mergeKey = meta.mergeKey();
            List<JsonNode> orderItems = ListOrder.items(order);
            validateAgainstOrder(ListOrder.items(pl), orderItems, mergeKey, here);
            List<JsonNode> originalItems = ListOrder.items(ol);
            List<JsonNode> merged;
            if (ol != null && pl == null) {
                merged = originalItems;
            } else if (ol == null && pl != null) {
                merged = ListOrder.items(removeDirectives(pl));
            } else if (ol != null) {
                SliceMerge sm = mergeSliceHandlerView((ArrayNode) ol, (ArrayNode) pl, meta, s, false, m, here);
                merged = sm.merged();
                // Go merges in the backing array of the live list; its view of that list sees the shifts
                originalItems = sm.originalView();
            } else {
                continue;
            }
            List<List<JsonNode>> parts = ListOrder.partition(merged, orderItems, mergeKey, here);
            Kind kind = ListOrder.elementKind(here, originalItems, ListOrder.items(pl));
            List<JsonNode> both = ListOrder.normalizeElementOrder(parts.get(0), parts.get(1), orderItems,
                    originalItems, mergeKey, kind, here);
            original.set(listKey, ListOrder.array(both));
            patch.remove(listKey);
        }
    }

    /** The patch list's relative order must agree with $setElementOrder (delete directives aside). */
    private static void validateAgainstOrder(List<JsonNode> patchList, List<JsonNode> order, String mergeKey, Trail path) {
        if (order.isEmpty() || patchList.isEmpty()) {
            return;
        }
        List<JsonNode> nonDelete = new ArrayList<>();
        if (!mergeKey.isEmpty()) {
            for (JsonNode v : patchList) {
                ListOrder.requireMap(v, path);
                if (!ListOrder.isDeleteDirective(v)) {
                    nonDelete.add(v);
                }
            }
        } else {
            nonDelete.addAll(patchList);
        }
        int pi = 0;
        int oi = 0;
        while (pi < nonDelete.size() && oi < order.size()) {
            JsonNode item = nonDelete.get(pi);
            if (item.isObject() && item.has(Directives.PATCH)) {
                pi++;
                continue;
            }
            boolean equal;
            if (mergeKey.isEmpty()) {
                equal = ListOrder.goEqual(item, order.get(oi));
            } else {
                JsonNode l = ListOrder.requireMergeKey(ListOrder.requireMap(item, path), mergeKey, path);
                JsonNode r = ListOrder.requireMergeKey(ListOrder.requireMap(order.get(oi), path), mergeKey, path);
                equal = ListOrder.goEqual(l, r);
            }
            if (equal) {
                pi++;
            }
            oi++;
        }
        if (pi < nonDelete.size() && oi >= order.size()) {
            throw new DiffException(path.operation(), path.render(),
                    "the order in patch list doesn't match $setElementOrder list");
        }
    }

    /** A merged list, and what the caller's view of the original list holds afterwards (see {@link GoSlice}). */
    record SliceMerge(List<JsonNode> merged, List<JsonNode> originalView) {
    }

    private static ArrayNode mergeSliceHandler(ArrayNode original, ArrayNode patch, FieldMeta meta,
            Directives.Strategy s, boolean isDeleteList, Options m, Trail path) {
        return ListOrder.array(mergeSliceHandlerView(original, patch, meta, s, isDeleteList, m, path).merged());
    }

    private static SliceMerge mergeSliceHandlerView(ArrayNode original, ArrayNode patch, FieldMeta meta,
            Directives.Strategy s, boolean isDeleteList, Options m, Trail path) {
        List<JsonNode> originalItems = ListOrder.items(original);
        if (s.isMerge() || isDeleteList) {
            return mergeSlice(originalItems, ListOrder.items(patch), meta.schema(), meta.mergeKey(), m, isDeleteList, path);
        }
        return new SliceMerge(ListOrder.items(patch), originalItems);
    }

    private static SliceMerge mergeSlice(List<JsonNode> original, List<JsonNode> patch, SchemaNode schema,
            String mergeKey, Options m, boolean isDeleteList, Trail path) {
        if (original.isEmpty() && patch.isEmpty()) {
            return new SliceMerge(original, original);
        }
        Kind kind = ListOrder.elementKind(path, original, patch);
        List<JsonNode> merged;
        GoSlice slice = new GoSlice(original);
        if (kind != Kind.MAP) {
            if (m.mergeParallelList() && isDeleteList) {
                List<JsonNode> kept = new ArrayList<>();
                for (JsonNode v : original) {
                    if (patch.stream().noneMatch(d -> ListOrder.goEqual(d, v))) {
                        kept.add(v);
                    }
                }
                return new SliceMerge(kept, original);
            }
            List<JsonNode> both = new ArrayList<>(original);
            both.addAll(patch);
            merged = ListOrder.deduplicateScalars(both);
        } else {
            if (mergeKey.isEmpty()) {
                throw new DiffException(path.operation(), path.render(),
                        "cannot merge lists without merge key for " + schema.name());
            }
            List<JsonNode> plain = new ArrayList<>();
            boolean replace = false;
            for (JsonNode v : patch) {
                JsonNode type = v.get(Directives.PATCH);
                if (type == null) {
                    plain.add(v);
                } else if (type.isTextual() && Directives.DELETE.equals(type.textValue())) {
                    JsonNode value = ListOrder.requireMergeKey((ObjectNode) v, mergeKey, path);
                    for (int i = ListOrder.findByKey(slice.view(), mergeKey, value, path); i >= 0;
                            i = ListOrder.findByKey(slice.view(), mergeKey, value, path)) {
                        slice.delete(i);
                    }
                } else if (type.isTextual() && Directives.REPLACE.equals(type.textValue())) {
                    replace = true;
                } else if (type.isTextual() && Directives.MERGE.equals(type.textValue())) {
                    throw new DiffException(path.operation(), path.render(),
                            "merging lists cannot yet be specified in the patch");
                } else {
                    throw new DiffException(path.operation(), path.render(),
                            "unknown patch type: " + JsonValues.goString(type) + " in map");
                }
            }
            if (replace) {
                slice.replaceWith(plain);
                plain = new ArrayList<>();
            }
            List<JsonNode> serverOrder = slice.view();
            for (JsonNode v : plain) {
                JsonNode value = ListOrder.requireMergeKey((ObjectNode) v, mergeKey, path);
                int i = ListOrder.findByKey(slice.view(), mergeKey, value, path);
                if (i >= 0) {
                    ObjectNode result = mergeMap((ObjectNode) slice.view().get(i), (ObjectNode) v, schema, m,
                            path.element(mergeKey + "=" + JsonValues.goString(value)));
                    slice.set(i, result);
                    if (i < serverOrder.size()) {
                        serverOrder.set(i, result);
                    }
                } else {
                    // combining patches: a later element with the same key merges into this one, so
                    // it must not be a subtree of the caller's document
                    slice.append(m.mergeParallelList() ? v : v.deepCopy());
                }
            }
            merged = slice.view();
            patch = plain;
            List<List<JsonNode>> parts = ListOrder.partition(merged, patch, mergeKey, path);
            return new SliceMerge(ListOrder.normalizeElementOrder(parts.get(0), parts.get(1), patch, serverOrder,
                    mergeKey, kind, path), slice.originalView());
        }
        List<List<JsonNode>> parts = ListOrder.partition(merged, patch, mergeKey, path);
        return new SliceMerge(ListOrder.normalizeElementOrder(parts.get(0), parts.get(1), patch, original, mergeKey,
                kind, path), original);
    }
}
