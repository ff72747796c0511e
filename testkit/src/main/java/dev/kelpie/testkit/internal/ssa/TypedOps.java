package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations of structured-merge-diff's typed values over Jackson trees and a {@link Shape}:
 * field sets, merge, comparison, removing and extracting items. Inputs are never modified;
 * results may share unchanged subtrees with them, so callers treat all trees as read-only.
 * Stateless and thread-safe.
 */
public final class TypedOps {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TypedOps() {
    }

    // ---------------------------------------------------------------- field sets

    /** The paths a value sets: leaves, atomic values, list elements and free-form map entries. */
    public static FieldSet toFieldSet(Shape shape, JsonNode value) {
        FieldSet set = new FieldSet();
        toFieldSet(shape, value, new ArrayList<>(), set);
        return set;
    }

    private static void toFieldSet(Shape shape, JsonNode v, List<PathElement> path, FieldSet set) {
        if (v == null || v.isNull()) {
            set.insert(path);
            return;
        }
        switch (shape.form(v)) {
            case SCALAR -> set.insert(path);
            case LIST -> {
                if (shape.isAtomic(v)) {
                    set.insert(path);
                    return;
                }
                for (Map.Entry<PathElement, List<JsonNode>> e : group(shape, v).entrySet()) {
                    path.add(e.getKey());
                    if (e.getValue().size() == 1) {
                        toFieldSet(shape.element(), e.getValue().get(0), path, set);
                    }
                    // duplicated keys are owned as a whole, as upstream does
                    set.insert(path);
                    path.remove(path.size() - 1);
                }
            }
            case MAP -> {
                if (shape.isAtomic(v)) {
                    set.insert(path);
                    return;
                }
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    path.add(new PathElement.Field(e.getKey()));
                    toFieldSet(shape.field(e.getKey()), e.getValue(), path, set);
                    if (!shape.declares(e.getKey())) {
                        set.insert(path);
                    }
                    path.remove(path.size() - 1);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * The path element naming a list item: its key fields, its value (sets) or its index.
     *
     * @throws SchemaViolationException when a keyed element lacks a key without default
     */
    public static PathElement itemElement(Shape list, JsonNode item) {
        List<String> keys = list.keys();
        if (!keys.isEmpty()) {
            if (!item.isObject()) {
                throw new SchemaViolationException("associative list with keys has an element that is not a map: " + item);
            }
            Map<String, JsonNode> key = new TreeMap<>();
            for (String k : keys) {
                JsonNode v = item.get(k);
                if (v == null || v.isNull()) {
                    Optional<JsonNode> d = list.element().defaultOf(k);
                    if (d.isEmpty()) {
                        continue;
                    }
                    v = d.get();
                }
                key.put(k, v);
            }
            if (key.isEmpty()) {
                throw new SchemaViolationException("associative list with keys " + keys
                        + " has an element without any key field: " + item);
            }
            return new PathElement.Key(key);
        }
        if (item.isContainerNode()) {
            throw new SchemaViolationException("associative list without keys has an element that's a "
                    + (item.isObject() ? "map" : "list") + " type");
        }
        return new PathElement.Value(item);
    }

    /** Named struct fields that have children in {@code set} become members too (upstream's EnsureNamedFieldsAreMembers). */
    public static FieldSet ensureNamedFieldsAreMembers(Shape shape, FieldSet set) {
        FieldSet out = new FieldSet();
        ensureNamed(shape, set, out);
        return out;
    }

    private static void ensureNamed(Shape shape, FieldSet in, FieldSet out) {
        in.members().forEach(out::addMember);
        in.children().forEach((pe, child) -> {
            if (child.isEmpty()) {
                return;
            }
            Shape childShape;
            if (pe instanceof PathElement.Field f) {
                childShape = shape.field(f.name());
                if (shape.declares(f.name())) {
                    out.addMember(pe);
                }
            } else {
                childShape = shape.element();
            }
            ensureNamed(childShape, child, out.childOrCreate(pe));
        });
    }

    // ---------------------------------------------------------------- merge

    /** {@code rhs} merged over {@code lhs}; either may be {@code null} (absent). */
    public static JsonNode merge(Shape shape, JsonNode lhs, JsonNode rhs) {
        if (rhs == null) {
            return lhs;
        }
        if (lhs == null) {
            return rhs;
        }
        if (rhs.isNull() && lhs.isContainerNode() && shape.form(lhs) != Shape.Form.SCALAR && !shape.isAtomic(lhs)) {
            // upstream merges a null over a granular map or list as "nothing", keeping the live value
            return lhs;
        }
        Shape.Form lf = shape.form(lhs);
        Shape.Form rf = shape.form(rhs);
        if (lf != rf || rf == Shape.Form.SCALAR || shape.isAtomic(rhs)
                || (JsonValues.isEmptyOrNull(lhs) && JsonValues.isEmptyOrNull(rhs))) {
            return rhs;
        }
        if (rf == Shape.Form.MAP) {
            ObjectNode out = F.objectNode();
            lhs.fields().forEachRemaining(e -> {
                JsonNode r = rhs.get(e.getKey());
                out.set(e.getKey(), r == null ? e.getValue() : merge(shape.field(e.getKey()), e.getValue(), r));
            });
            rhs.fields().forEachRemaining(e -> {
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            return out;
        }
        return mergeList(shape, lhs, rhs);
    }

    /** List items by path element, in order of first appearance; duplicated keys keep all their items. */
    private static LinkedHashMap<PathElement, List<JsonNode>> group(Shape shape, JsonNode list) {
        LinkedHashMap<PathElement, List<JsonNode>> m = new LinkedHashMap<>();
        if (list != null) {
            for (JsonNode item : list) {
                m.computeIfAbsent(itemElement(shape, item), k -> new ArrayList<>(1)).add(item);
            }
        }
        return m;
    }

    /** Keeps the order of the live list and places new items as upstream's merge walker does. */
    private static JsonNode mergeList(Shape shape, JsonNode lhs, JsonNode rhs) {
        LinkedHashMap<PathElement, List<JsonNode>> left = group(shape, lhs);
        LinkedHashMap<PathElement, List<JsonNode>> right = group(shape, rhs);
        List<PathElement> lOrder = new ArrayList<>(left.keySet());
        List<PathElement> rOrder = new ArrayList<>(right.keySet());
        List<PathElement> shared = new ArrayList<>();
        for (PathElement pe : rOrder) {
            if (left.containsKey(pe)) {
                shared.add(pe);
            }
        }
        int sharedAt = 0;
        PathElement nextShared = shared.isEmpty() ? null : shared.get(sharedAt++);
        ArrayNode out = F.arrayNode();
        int li = 0;
        int ri = 0;
        while (li < lOrder.size() || ri < rOrder.size()) {
            if (li < lOrder.size() && ri < rOrder.size()) {
                PathElement pe = lOrder.get(li);
                if (pe.equals(rOrder.get(ri))) {
                    mergeItems(shape, left.get(pe), right.get(pe), out);
                    li++;
                    ri++;
                    nextShared = sharedAt < shared.size() ? shared.get(sharedAt++) : null;
                    continue;
                }
                if (right.containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
                    li++;
                    continue;
                }
            }
            if (li < lOrder.size()) {
                PathElement pe = lOrder.get(li);
                if (!right.containsKey(pe)) {
                    left.get(pe).forEach(out::add);
                    li++;
                    continue;
                }
            }
            if (ri < rOrder.size()) {
                PathElement pe = rOrder.get(ri);
                mergeItems(shape, left.get(pe), right.get(pe), out);
                ri++;
                if (nextShared != null && nextShared.equals(pe)) {
                    nextShared = sharedAt < shared.size() ? shared.get(sharedAt++) : null;
                }
            }
        }
        return out;
    }

    /** One item merged; with duplicates on either side, the applied items replace the live ones. */
    private static void mergeItems(Shape list, List<JsonNode> l, List<JsonNode> r, ArrayNode out) {
        if (l == null) {
            r.forEach(out::add);
        } else if (l.size() == 1 && r.size() == 1) {
            out.add(merge(list.element(), l.get(0), r.get(0)));
        } else {
            r.forEach(out::add);
        }
    }

    // ---------------------------------------------------------------- compare

    /** What changed from {@code lhs} to {@code rhs}, as upstream's Compare reports it. */
    public static Comparison compare(Shape shape, JsonNode lhs, JsonNode rhs) {
        Comparison c = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        compare(shape, lhs, rhs, new ArrayList<>(), c);
        return c;
    }

    private static void compare(Shape shape, JsonNode l, JsonNode r, List<PathElement> path, Comparison c) {
        // a null on one side takes the form of the other, as upstream's deduceAtom leaves null untyped
        JsonNode probe = r != null && !r.isNull() ? r : l;
        Shape.Form form = shape.form(probe);
        boolean leaf = form == Shape.Form.SCALAR || shape.isAtomic(probe)
                || (l != null && r != null && !l.isNull() && !r.isNull() && shape.form(l) != shape.form(r))
                || (JsonValues.isEmptyOrNull(l) && JsonValues.isEmptyOrNull(r));
        if (leaf) {
            if (l == null) {
                c.added().insert(path);
            } else if (r == null) {
                c.removed().insert(path);
            } else if (!JsonValues.same(l, r)) {
                c.modified().insert(path);
            }
            return;
        }
        if (form == Shape.Form.MAP) {
            Set<String> keys = new LinkedHashSet<>();
            if (l != null && l.isObject()) {
                l.fieldNames().forEachRemaining(keys::add);
            }
            if (r != null && r.isObject()) {
                r.fieldNames().forEachRemaining(keys::add);
            }
            for (String k : keys) {
                path.add(new PathElement.Field(k));
                compare(shape.field(k), l == null ? null : l.get(k), r == null ? null : r.get(k), path, c);
                path.remove(path.size() - 1);
            }
        } else {
            LinkedHashMap<PathElement, List<JsonNode>> left = group(shape, l != null && l.isArray() ? l : null);
            LinkedHashMap<PathElement, List<JsonNode>> right = group(shape, r != null && r.isArray() ? r : null);
            Set<PathElement> all = new LinkedHashSet<>(left.keySet());
            all.addAll(right.keySet());
            for (PathElement pe : all) {
                List<JsonNode> li = left.get(pe);
                List<JsonNode> ri = right.get(pe);
                path.add(pe);
                if ((li != null && li.size() > 1) || (ri != null && ri.size() > 1)) {
                    // duplicated keys compare as a whole
                    if (li == null) {
                        c.added().insert(path);
                    } else if (ri == null) {
                        c.removed().insert(path);
                    } else if (!sameItems(li, ri)) {
                        c.modified().insert(path);
                    }
                } else {
                    compare(shape.element(), li == null ? null : li.get(0), ri == null ? null : ri.get(0), path, c);
                }
                path.remove(path.size() - 1);
            }
        }
        if (l == null) {
            c.added().insert(path);
        } else if (r == null) {
            c.removed().insert(path);
        }
    }

    private static boolean sameItems(List<JsonNode> a, List<JsonNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!JsonValues.same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- remove / extract

    /** The value without the members of {@code set} (a member removes its whole subtree). */
    public static JsonNode removeItems(Shape shape, JsonNode v, FieldSet set) {
        if (v == null || set.isEmpty() || shape.isAtomic(v)) {
            return v;
        }
        Shape.Form form = shape.form(v);
        if (form == Shape.Form.MAP) {
            ObjectNode out = F.objectNode();
            v.fields().forEachRemaining(e -> {
                PathElement pe = new PathElement.Field(e.getKey());
                if (set.isMember(pe)) {
                    return;
                }
                FieldSet child = set.child(pe);
                out.set(e.getKey(), child == null ? e.getValue() : emptiedToNull(removeItems(shape.field(e.getKey()), e.getValue(), child)));
            });
            return out;
        }
        if (form == Shape.Form.LIST) {
            ArrayNode out = F.arrayNode();
            for (JsonNode item : v) {
                PathElement pe = itemElement(shape, item);
                if (set.isMember(pe)) {
                    continue;
                }
                FieldSet child = set.child(pe);
                out.add(child == null ? item : emptiedToNull(removeItems(shape.element(), item, child)));
            }
            return out;
        }
        return v;
    }

    /** Upstream turns a map or list emptied by removal into null rather than {} or []. */
    private static JsonNode emptiedToNull(JsonNode n) {
        return n != null && n.isContainerNode() && n.isEmpty() ? F.nullNode() : n;
    }

    /**
     * What owning a path itself (not its items) extracts: the whole value for scalars and atomic
     * values, an empty container for a granular map or list (its items are owned one by one).
     */
    private static JsonNode ownedAsWhole(Shape shape, JsonNode v) {
        if (v != null && v.isContainerNode() && shape.form(v) != Shape.Form.SCALAR && !shape.isAtomic(v)) {
            return v.isArray() ? F.arrayNode() : F.objectNode();
        }
        return v;
    }

    /** Only the parts of the value in {@code set}; list elements keep their key fields. */
    public static JsonNode extractItems(Shape shape, JsonNode v, FieldSet set) {
        if (v == null) {
            return null;
        }
        Shape.Form form = shape.form(v);
        if (form == Shape.Form.MAP && !shape.isAtomic(v)) {
            ObjectNode out = F.objectNode();
            v.fields().forEachRemaining(e -> {
                PathElement pe = new PathElement.Field(e.getKey());
                FieldSet child = set.child(pe);
                Shape fieldShape = shape.field(e.getKey());
                if (child != null && !child.isEmpty() && fieldShape.form(e.getValue()) != Shape.Form.SCALAR) {
                    out.set(e.getKey(), extractItems(fieldShape, e.getValue(), child));
                } else if (set.isMember(pe)) {
                    out.set(e.getKey(), ownedAsWhole(fieldShape, e.getValue()));
                }
            });
            return out;
        }
        if (form == Shape.Form.LIST && !shape.isAtomic(v)) {
            ArrayNode out = F.arrayNode();
            for (JsonNode item : v) {
                PathElement pe = itemElement(shape, item);
                FieldSet child = set.child(pe);
                if (child != null && !child.isEmpty() && item.isObject()) {
                    ObjectNode extracted = (ObjectNode) extractItems(shape.element(), item, child);
                    ObjectNode withKeys = F.objectNode();
                    for (String k : shape.keys()) {
                        if (item.has(k)) {
                            withKeys.set(k, item.get(k));
                        }
                    }
                    withKeys.setAll(extracted);
                    out.add(withKeys);
                } else if (set.isMember(pe)) {
                    out.add(item);
                }
            }
            return out;
        }
        return v;
    }
}
