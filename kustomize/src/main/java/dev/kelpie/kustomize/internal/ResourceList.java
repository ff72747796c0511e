package dev.kelpie.kustomize.internal;

import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The ordered objects of a build (kustomize's ResMap). Not thread-safe; owned by one build. */
final class ResourceList implements Iterable<KResource> {
    final List<KResource> items = new ArrayList<>();
    /** Strategic-merge tables from {@code openapi:} fields, shared by the whole build. */
    final java.util.Map<String, java.util.Map<String, List<String>>> schemas;

    ResourceList(java.util.Map<String, java.util.Map<String, List<String>>> schemas) {
        this.schemas = schemas;
    }

    /** The list keys for a kind: a custom schema first, then the built-in one. */
    java.util.Map<String, List<String>> schemaFor(KResource r) {
        String g = r.group().isEmpty() ? "core" : r.group();
        java.util.Map<String, List<String>> custom = schemas.get(g + "/" + r.version() + "/" + r.kind());
        return custom != null ? custom : MergeKeys.builtIn().forKind(r.group(), r.version(), r.kind());
    }

    /** Adds an object; an object with the same current id is an error. */
    void append(KResource r) {
        Rid id = r.curId();
        for (KResource o : items) {
            if (o.curId().sameAs(id)) {
                throw new KustomizeException("may not add resource with an already registered id: " + id
                        + " (from " + r.origin.file() + ")");
            }
        }
        items.add(r);
    }

    void appendAll(ResourceList other) {
        other.items.forEach(this::append);
    }

    int size() {
        return items.size();
    }

    @Override
    public Iterator<KResource> iterator() {
        return items.iterator();
    }

    /** Objects any of whose ids (earlier or current) satisfy the predicate. */
    List<KResource> matchingAnyId(Predicate<Rid> p) {
        List<KResource> out = new ArrayList<>();
        for (KResource r : items) {
            for (Rid id : r.allIds()) {
                if (p.test(id)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    List<KResource> select(Selector s) {
        List<KResource> out = new ArrayList<>();
        for (KResource r : items) {
            if (s.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    void replace(KResource old, KResource with) {
        int i = indexOf(old);
        items.set(i, with);
    }

    void remove(KResource r) {
        items.remove(indexOf(r));
    }

    private int indexOf(KResource r) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == r) {
                return i;
            }
        }
        throw new IllegalStateException("not in the list: " + r);
    }
}
