package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Server-side apply's field ownership, as structured-merge-diff's {@code Updater}: apply merges
 * a configuration, takes ownership of the fields it sets, reports conflicts with other managers
 * unless forced, and removes fields its manager applied last time but no longer does and nobody
 * else owns; update takes ownership of whatever it changed. Version conversion is the identity
 * (one schema for every version). Immutable and thread-safe.
 */
public final class FieldOwnership {
    private final Shape shape;
    private final FieldSet ignored;

    public FieldOwnership(Shape shape) {
        this(shape, new FieldSet());
    }

    /** Ownership that never records fields at or below {@code ignored} (upstream's ignored fields). */
    public FieldOwnership(Shape shape, FieldSet ignored) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.ignored = Objects.requireNonNull(ignored, "ignored");
    }

    private Comparison filtered(Comparison c) {
        if (ignored.isEmpty()) {
            return c;
        }
        return new Comparison(c.added().withoutPrefixes(ignored), c.removed().withoutPrefixes(ignored),
                c.modified().withoutPrefixes(ignored));
    }

    public Shape shape() {
        return shape;
    }

    /** The object after an operation and the new ownership table. */
    public record Outcome(JsonNode object, Map<String, ManagedSet> managers, boolean changed) {
    }

    /**
     * Applies {@code config} as {@code manager}.
     *
     * @throws ApplyConflictException when not forced and other managers own changed fields
     * @throws SchemaViolationException when an object does not fit the schema
     */
    public Outcome apply(JsonNode live, JsonNode config, String version, Map<String, ManagedSet> managersIn,
            String manager, boolean force) {
        Map<String, ManagedSet> managers = new LinkedHashMap<>(managersIn);
        JsonNode merged = TypedOps.merge(shape, live, config);
        ManagedSet lastSet = managers.get(manager);
        FieldSet applied = TypedOps.toFieldSet(shape, config).withoutPrefixes(ignored);
        managers.put(manager, new ManagedSet(applied, version, true));
        merged = prune(merged, managers, lastSet, applied);
        managers = update(live, merged, managers, manager, force);
        boolean changed = !JsonValues.same(live, merged);
        return new Outcome(merged, managers, changed || !managers.equals(managersIn));
    }

    /** Records an update (create, replace or patch) by {@code manager}: it owns what it changed. */
    public Outcome update(JsonNode live, JsonNode newObject, String version, Map<String, ManagedSet> managersIn,
            String manager) {
        Map<String, ManagedSet> managers = update(live, newObject, new LinkedHashMap<>(managersIn), manager, true);
        Comparison c = filtered(TypedOps.compare(shape, live, newObject));
        ManagedSet mine = managers.get(manager);
        FieldSet set = mine == null ? new FieldSet() : mine.set();
        set = set.union(c.modified()).union(c.added()).difference(c.removed());
        if (set.isEmpty()) {
            managers.remove(manager);
        } else {
            managers.put(manager, new ManagedSet(set, version, false));
        }
        return new Outcome(newObject, managers, !c.isSame());
    }

    private Map<String, ManagedSet> update(JsonNode oldObject, JsonNode newObject, Map<String, ManagedSet> managers,
            String workflow, boolean force) {
        Comparison compare = filtered(TypedOps.compare(shape, oldObject, newObject));
        FieldSet changed = compare.modified().union(compare.added());
        Map<String, FieldSet> conflicts = new LinkedHashMap<>();
        Map<String, String> versions = new HashMap<>();
        for (Map.Entry<String, ManagedSet> e : managers.entrySet()) {
            if (e.getKey().equals(workflow)) {
                continue;
            }
            FieldSet conflict = e.getValue().set().intersection(changed);
            if (!conflict.isEmpty()) {
                conflicts.put(e.getKey(), conflict);
                versions.put(e.getKey(), e.getValue().apiVersion());
            }
        }
        if (!force && !conflicts.isEmpty()) {
            throw new ApplyConflictException(conflicts, versions);
        }
        Map<String, ManagedSet> out = new LinkedHashMap<>();
        managers.forEach((name, ms) -> {
            FieldSet s = ms.set();
            if (!name.equals(workflow)) {
                FieldSet c = conflicts.get(name);
                if (c != null) {
                    s = s.difference(c);
                }
                s = s.difference(compare.removed());
            }
            if (!s.isEmpty()) {
                out.put(name, ms.withSet(s));
            }
        });
        return out;
    }

    /** Removes what the applier owned last time, no longer applies, and nobody else owns. */
    private JsonNode prune(JsonNode merged, Map<String, ManagedSet> managers, ManagedSet lastSet, FieldSet applied) {
        if (lastSet == null || lastSet.set().isEmpty() || merged == null) {
            return merged;
        }
        if (lastSet.set().difference(applied).isEmpty()) {
            // the manager still applies everything it applied last time: nothing to remove
            return merged;
        }
        FieldSet last = TypedOps.ensureNamedFieldsAreMembers(shape, lastSet.set());
        JsonNode pruned = TypedOps.removeItems(shape, merged, last);
        // add back owned items
        FieldSet managed = new FieldSet();
        for (ManagedSet ms : managers.values()) {
            managed = managed.union(ms.set());
        }
        FieldSet mergedSet = TypedOps.ensureNamedFieldsAreMembers(shape, TypedOps.toFieldSet(shape, merged));
        FieldSet prunedSet = TypedOps.ensureNamedFieldsAreMembers(shape, TypedOps.toFieldSet(shape, pruned));
        FieldSet managedSet = TypedOps.ensureNamedFieldsAreMembers(shape, managed);
        pruned = TypedOps.removeItems(shape, merged, mergedSet.difference(prunedSet.union(managedSet)));
        // add back dangling items: only what the applier owned last time may go
        prunedSet = TypedOps.ensureNamedFieldsAreMembers(shape, TypedOps.toFieldSet(shape, pruned));
        return TypedOps.removeItems(shape, merged, mergedSet.difference(prunedSet).intersection(last));
    }
}
