package dev.kelpie.kustomize.internal;

import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The ordered objects of a build (kustomize's ResMap). Not thread-safe; owned by one build. */
final class ResourceList implements Iterable<KResource> {
    final List<KResource> items = new ArrayList<>();
    /** Settings and strategic-merge tables shared by the whole build. */
    final BuildContext ctx;

    ResourceList(BuildContext ctx) {
        this.ctx = ctx;
    }

    /** The list keys for a kind: a custom schema first, then the built-in one. */
    java.util.Map<String, List<String>> schemaFor(KResource r, String kind) {
        String g = r.group().isEmpty() ? "core" : r.group();
        java.util.Map<String, List<String>> custom = ctx.schemas.get(g + "/" + r.version() + "/" + kind);
        return custom != null ? custom : MergeKeys.builtIn().forKind(r.group(), r.version(), kind);
    }

    /** Current names of the objects, built on demand; dropped whenever names may have changed. */
    private java.util.Map<String, List<KResource>> byName;

    /** Forgets the name index; call after anything that may rename objects. */
    void namesChanged() {
        byName = null;
    }

    /** Adds an object; an object with the same current id is an error. */
    void append(KResource r) {
        if (byName == null) {
            byName = new java.util.HashMap<>();
            for (KResource o : items) {
                byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            }
        }
        Rid id = r.curId();
        for (KResource o : byName.getOrDefault(id.name(), List.of())) {
            // the kind first: one field, where the id takes five (a name is often shared by several kinds)
            if (o.kind().equals(id.kind()) && o.curId().sameAs(id)) {
                throw new KustomizeException("may not add resource with an already registered id: " + id
                        + " (from " + r.origin.file() + ")");
            }
        }
        items.add(r);
        byName.computeIfAbsent(id.name(), k -> new ArrayList<>()).add(r);
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

    /** As {@link #matchingAnyId(Predicate)} for a predicate that only accepts ids named {@code name}. */
    List<KResource> matchingAnyId(Predicate<Rid> p, String name) {
        List<KResource> out = new ArrayList<>();
        for (KResource r : items) {
            if (!r.name().equals(name) && r.prevIds.stream().noneMatch(id -> id.name().equals(name))) {
                continue;
            }
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
        byName = null;
    }

    void remove(KResource r) {
        items.remove(indexOf(r));
        byName = null;
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
