package dev.kelpie.diff.internal.smp;

import static dev.kelpie.diff.internal.json.JsonValues.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.json.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * List helpers of strategic merge patch: element kinds, scalar sorting and de-duplication,
 * merge-key look-ups, and the order rules ({@code normalizeElementOrder} in apimachinery:
 * $setElementOrder, then patch order, then live order).
 */
final class ListOrder {
    private ListOrder() {
    }

    static List<JsonNode> items(JsonNode list) {
        List<JsonNode> out = new ArrayList<>(list == null ? 0 : list.size());
        if (list != null) {
            list.forEach(out::add);
        }
        return out;
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode a = NODES.arrayNode(items.size());
        items.forEach(a::add);
        return a;
    }

    /** The common kind of the elements of all lists; lists of lists and mixed kinds are errors. */
    static Kind elementKind(Trail path, List<JsonNode> a, List<JsonNode> b) {
        Kind seen = null;
        for (List<JsonNode> list : List.of(a, b)) {
            for (JsonNode v : list) {
                Kind k = JsonValues.kind(v);
                if (seen == null) {
                    seen = k;
                    if (k == Kind.LIST) {
                        throw new DiffException(path.operation(), path.render(), "lists of lists are not supported");
                    }
                } else if (seen != k) {
                    throw new DiffException(path.operation(), path.render(),
                            "list element types are not identical: " + seen + " and " + k);
                }
            }
        }
        if (seen == null) {
            throw new DiffException(path.operation(), path.render(), "no elements in any of the given slices");
        }
        return seen;
    }

    /** Sorts scalars in place by their Go text, as {@code sortScalars}. */
    static List<JsonNode> sortScalars(List<JsonNode> list) {
        list.sort(Comparator.comparing(JsonValues::goString));
        return list;
    }

    /** De-duplicates in place the way apimachinery does (swapping in the last element). */
    static List<JsonNode> deduplicateScalars(List<JsonNode> s) {
        int length = s.size() - 1;
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j <= length; j++) {
                if (goEqual(s.get(i), s.get(j))) {
                    s.set(j, s.get(length));
                    s.remove(length);
                    length--;
                    j--;
                }
            }
        }
        return s;
    }

    /** Go's {@code ==} on two decoded values; absent and null are both nil. */
    static boolean goEqual(JsonNode a, JsonNode b) {
        boolean aNil = a == null || JsonValues.isNull(a);
        boolean bNil = b == null || JsonValues.isNull(b);
        if (aNil || bNil) {
            return aNil && bNil;
        }
        return JsonValues.scalarEqual(a, b);
    }

    static ObjectNode requireMap(JsonNode v, Trail path) {
        if (v instanceof ObjectNode o) {
            return o;
        }
        throw new DiffException(path.operation(), path.render(), "expected a map, but received a " + JsonValues.describe(v));
    }

    static JsonNode requireMergeKey(ObjectNode m, String mergeKey, Trail path) {
        JsonNode v = m.get(mergeKey);
        if (v == null) {
            throw new DiffException(path.operation(), path.render(),
                    JsonValues.describe(m) + " does not contain declared merge key: " + mergeKey);
        }
        return v;
    }

    /** Index of the first element whose merge-key value (or value, for primitives) matches. */
    static int index(List<JsonNode> l, JsonNode value, String mergeKey, Kind kind) {
        JsonNode wanted = keyOf(value, mergeKey, kind);
        for (int i = 0; i < l.size(); i++) {
            if (goEqual(wanted, keyOf(l.get(i), mergeKey, kind))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode keyOf(JsonNode item, String mergeKey, Kind kind) {
        if (kind == Kind.MAP) {
            return item instanceof ObjectNode o ? o.get(mergeKey) : null;
        }
        return item;
    }

    /** The first map in {@code list} whose {@code key} equals {@code value}, or -1. */
    static int findByKey(List<JsonNode> list, String key, JsonNode value, Trail path) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            if (!(v instanceof ObjectNode o)) {
                throw new DiffException(path.operation(), path.render(), "value for key " + i + " is not a map");
            }
            JsonNode match = o.get(key);
            if (match != null && goEqual(match, value)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits {@code merged} into items present in {@code by} and the rest (server-only). */
    static List<List<JsonNode>> partition(List<JsonNode> merged, List<JsonNode> by, String mergeKey, Trail path) {
        List<JsonNode> inPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode v : merged) {
            boolean found;
            if (mergeKey.isEmpty()) {
                found = by.stream().anyMatch(b -> goEqual(b, v));
            } else {
                ObjectNode m = requireMap(v, path);
                found = findByKey(by, mergeKey, requireMergeKey(m, mergeKey, path), path) >= 0;
            }
            (found ? inPatch : serverOnly).add(v);
        }
        return List.of(inPatch, serverOnly);
    }

    /** Patch items ordered by {@code patchOrder}, server-only items by {@code serverOrder}, interleaved. */
    static List<JsonNode> normalizeElementOrder(List<JsonNode> patch, List<JsonNode> serverOnly,
            List<JsonNode> patchOrder, List<JsonNode> serverOrder, String mergeKey, Kind kind, Trail path) {
        List<JsonNode> p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind, path);
        List<JsonNode> s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind, path);
        return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
    }

    /**
     * Sorts {@code toSort} by the positions in {@code order}; delete directives go last. Uses
     * Go's stable insertion sort with apimachinery's comparator (which calls an item missing
     * from {@code order} "less"), so the quirky results match.
     */
    static List<JsonNode> normalizeSliceOrder(List<JsonNode> toSort, List<JsonNode> order, String mergeKey,
            Kind kind, Trail path) {
        List<JsonNode> keep = new ArrayList<>(toSort);
        List<JsonNode> toDelete = new ArrayList<>();
        if (kind == Kind.MAP) {
            for (List<JsonNode> l : List.of(toSort, order)) {
                for (JsonNode item : l) {
                    requireMergeKey(requireMap(item, path), mergeKey, path);
                }
            }
            keep.clear();
            for (JsonNode v : toSort) {
                (isDeleteDirective(v) ? toDelete : keep).add(v);
            }
        }
        BiPredicate<JsonNode, JsonNode> less = (x, y) -> {
            int ix = index(order, x, mergeKey, kind);
            if (ix >= 0) {
                int iy = index(order, y, mergeKey, kind);
                if (iy >= 0) {
                    return ix < iy;
                }
            }
            return true;
        };
        for (int i = 1; i < keep.size(); i++) {
            for (int j = i; j > 0 && less.test(keep.get(j), keep.get(j - 1)); j--) {
                JsonNode t = keep.get(j);
                keep.set(j, keep.get(j - 1));
                keep.set(j - 1, t);
            }
        }
        keep.addAll(toDelete);
        return keep;
    }

    static boolean isDeleteDirective(JsonNode v) {
        JsonNode d = v.get(Directives.PATCH);
        return d != null && d.isTextual() && Directives.DELETE.equals(d.textValue());
    }

    private static List<JsonNode> mergeSortedSlice(List<JsonNode> left, List<JsonNode> right,
            List<JsonNode> serverOrder, String mergeKey, Kind kind) {
        int size = left.size() + right.size();
        List<JsonNode> s = new ArrayList<>(size);
        int i = 0;
        int j = 0;
        for (int k = 0; k < size; k++) {
            if (i >= left.size() && j < right.size()) {
                s.add(right.get(j++));
            } else if (j >= right.size() && i < left.size()) {
                s.add(left.get(i++));
            } else {
                int li = index(serverOrder, left.get(i), mergeKey, kind);
                int ri = index(serverOrder, right.get(j), mergeKey, kind);
                if (li >= 0 && ri >= 0 && li < ri) {
                    s.add(left.get(i++));
                } else {
                    s.add(right.get(j++));
                }
            }
        }
        return s;
    }
}
