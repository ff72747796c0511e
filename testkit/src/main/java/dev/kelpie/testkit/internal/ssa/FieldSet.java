package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of field paths stored as a trie, as structured-merge-diff's {@code fieldpath.Set}: the
 * members at this level and the child sets below each element. A path can be a member and
 * have children at once (FieldsV1 writes that as {@code ".": {}}).
 *
 * <p>Built by {@link #insert}; the set operations return new sets and never change their
 * inputs. Not thread-safe while being built; treat as immutable afterwards.
 */
public final class FieldSet {
    private final Set<PathElement> members;
    private final Map<PathElement, FieldSet> children;

    public FieldSet() {
        this(new HashSet<>(), new HashMap<>());
    }

    private FieldSet(Set<PathElement> members, Map<PathElement, FieldSet> children) {
        this.members = members;
        this.children = children;
    }

    public static FieldSet of(List<List<PathElement>> paths) {
        FieldSet s = new FieldSet();
        paths.forEach(s::insert);
        return s;
    }

    /** Adds a path (ignored when empty). */
    public FieldSet insert(List<PathElement> path) {
        if (path.isEmpty()) {
            return this;
        }
        FieldSet at = this;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.children.computeIfAbsent(path.get(i), k -> new FieldSet());
        }
        at.members.add(path.get(path.size() - 1));
        return this;
    }

    public boolean has(List<PathElement> path) {
        FieldSet at = this;
        for (int i = 0; i < path.size() - 1; i++) {
            at = at.children.get(path.get(i));
            if (at == null) {
                return false;
            }
        }
        return !path.isEmpty() && at.members.contains(path.get(path.size() - 1));
    }

    public boolean isMember(PathElement pe) {
        return members.contains(pe);
    }

    /** The child set under {@code pe}, or {@code null} when there is none. */
    public FieldSet child(PathElement pe) {
        return children.get(pe);
    }

    public void addMember(PathElement pe) {
        members.add(pe);
    }

    public FieldSet childOrCreate(PathElement pe) {
        return children.computeIfAbsent(pe, k -> new FieldSet());
    }

    public Set<PathElement> members() {
        return Collections.unmodifiableSet(members);
    }

    public Map<PathElement, FieldSet> children() {
        return Collections.unmodifiableMap(children);
    }

    public boolean isEmpty() {
        if (!members.isEmpty()) {
            return false;
        }
        for (FieldSet c : children.values()) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    public FieldSet copy() {
        Map<PathElement, FieldSet> ch = new HashMap<>();
        children.forEach((k, v) -> ch.put(k, v.copy()));
        return new FieldSet(new HashSet<>(members), ch);
    }

    public FieldSet union(FieldSet o) {
        FieldSet out = copy();
        out.members.addAll(o.members);
        o.children.forEach((k, v) -> {
            FieldSet mine = out.children.get(k);
            out.children.put(k, mine == null ? v.copy() : mine.union(v));
        });
        return out;
    }

    public FieldSet difference(FieldSet o) {
        Set<PathElement> m = new HashSet<>(members);
        m.removeAll(o.members);
        Map<PathElement, FieldSet> ch = new HashMap<>();
        children.forEach((k, v) -> {
            FieldSet theirs = o.children.get(k);
            FieldSet d = theirs == null ? v.copy() : v.difference(theirs);
            if (!d.isEmpty()) {
                ch.put(k, d);
            }
        });
        return new FieldSet(m, ch);
    }

    public FieldSet intersection(FieldSet o) {
        Set<PathElement> m = new HashSet<>(members);
        m.retainAll(o.members);
        Map<PathElement, FieldSet> ch = new HashMap<>();
        children.forEach((k, v) -> {
            FieldSet theirs = o.children.get(k);
            if (theirs != null) {
                FieldSet i = v.intersection(theirs);
                if (!i.isEmpty()) {
                    ch.put(k, i);
                }
            }
        });
        return new FieldSet(m, ch);
    }

    /** This set without any path at or below a member of {@code excluded} (upstream's RecursiveDifference). */
    public FieldSet withoutPrefixes(FieldSet excluded) {
        if (excluded.isEmpty()) {
            return this;
        }
        FieldSet out = new FieldSet();
        for (PathElement m : members) {
            if (!excluded.members.contains(m)) {
                out.members.add(m);
            }
        }
        children.forEach((pe, child) -> {
            if (excluded.members.contains(pe)) {
                return;
            }
            FieldSet ex = excluded.children.get(pe);
            FieldSet kept = ex == null ? child.copy() : child.withoutPrefixes(ex);
            if (!kept.isEmpty()) {
                out.children.put(pe, kept);
            }
        });
        return out;
    }

    /** Every member path, sorted. */
    public List<List<PathElement>> paths() {
        List<List<PathElement>> out = new ArrayList<>();
        collect(new ArrayList<>(), out);
        return out;
    }

    private void collect(List<PathElement> prefix, List<List<PathElement>> out) {
        TreeSet<PathElement> keys = new TreeSet<>(members);
        keys.addAll(children.keySet());
        for (PathElement pe : keys) {
            prefix.add(pe);
            if (members.contains(pe)) {
                out.add(List.copyOf(prefix));
            }
            FieldSet c = children.get(pe);
            if (c != null) {
                c.collect(prefix, out);
            }
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The FieldsV1 JSON of this set, keys sorted. */
    public ObjectNode toFieldsV1() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        TreeMap<PathElement, Boolean> keys = new TreeMap<>();
        members.forEach(m -> keys.put(m, true));
        children.forEach((k, v) -> {
            if (!v.isEmpty()) {
                keys.putIfAbsent(k, false);
            }
        });
        for (PathElement pe : keys.keySet()) {
            FieldSet c = children.get(pe);
            ObjectNode inner = c == null || c.isEmpty() ? JsonNodeFactory.instance.objectNode() : c.toFieldsV1();
            if (members.contains(pe) && c != null && !c.isEmpty()) {
                ObjectNode withDot = JsonNodeFactory.instance.objectNode();
                withDot.putObject(".");
                withDot.setAll(inner);
                inner = withDot;
            }
            o.set(pe.fieldsV1Key(), inner);
        }
        return o;
    }

    /**
     * Reads FieldsV1 JSON.
     *
     * @throws IllegalArgumentException when a key is malformed
     */
    public static FieldSet fromFieldsV1(JsonNode fields) {
        FieldSet s = new FieldSet();
        if (fields == null || !fields.isObject()) {
            return s;
        }
        fields.fields().forEachRemaining(e -> {
            if (e.getKey().equals(".")) {
                return;
            }
            PathElement pe = PathElement.parse(e.getKey());
            JsonNode v = e.getValue();
            if (!v.isObject() || v.isEmpty() || v.has(".")) {
                s.members.add(pe);
            }
            if (v.isObject() && !v.isEmpty()) {
                FieldSet c = fromFieldsV1(v);
                if (!c.isEmpty()) {
                    s.children.put(pe, c);
                }
            }
        });
        return s;
    }

    /** Same member paths (empty child sets do not count). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldSet f)) {
            return false;
        }
        if (!members.equals(f.members)) {
            return false;
        }
        for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
            FieldSet theirs = f.children.get(e.getKey());
            if (theirs == null ? !e.getValue().isEmpty() : !e.getValue().equals(theirs)) {
                return false;
            }
        }
        for (Map.Entry<PathElement, FieldSet> e : f.children.entrySet()) {
            if (!children.containsKey(e.getKey()) && !e.getValue().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = members.hashCode();
        for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
            if (!e.getValue().isEmpty()) {
                h += e.getKey().hashCode() ^ e.getValue().hashCode();
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return paths().stream().map(p -> String.join("", p.stream().map(Object::toString).toList())).toList().toString();
    }
}
