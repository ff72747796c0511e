package dev.kelpie.core.plan;

import dev.kelpie.core.model.InvalidResourceException;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an application applied last time: the only objects a prune may ever delete. Stored
 * ApplySet-compatibly (see {@link ApplySetParent}): read back from the parent object plus the
 * live objects that carry the set's part-of label. Immutable and thread-safe.
 */
public final class Inventory {
    private static final Inventory EMPTY = new Inventory("", Set.of());
    private final String applySetId;
    private final Set<ResourceId> members;

    private Inventory(String applySetId, Set<ResourceId> members) {
        this.applySetId = applySetId;
        this.members = members;
    }

    public static Inventory empty() {
        return EMPTY;
    }

    public static Inventory of(ResourceId... ids) {
        return of(Arrays.asList(ids));
    }

    public static Inventory of(Collection<ResourceId> ids) {
        return new Inventory("", Set.copyOf(new LinkedHashSet<>(ids)));
    }

    /**
     * The inventory an ApplySet parent and the live objects record: members are live objects
     * labelled part-of the parent's id whose group-kind the parent lists.
     *
     * @throws InvalidResourceException when the parent lacks the id label
     */
    public static Inventory fromApplySet(Resource parent, Manifests live) {
        Objects.requireNonNull(parent, "parent");
        String id = parent.labels().get(SyncAnnotations.APPLYSET_ID);
        if (id == null || id.isEmpty()) {
            throw new InvalidResourceException(parent.origin(), "metadata.labels." + SyncAnnotations.APPLYSET_ID,
                    "missing on ApplySet parent " + parent.id());
        }
        Set<String> groupKinds = new HashSet<>();
        String listed = parent.annotations().getOrDefault(SyncAnnotations.APPLYSET_GROUP_KINDS, "");
        for (String gk : listed.split(",")) {
            if (!gk.isBlank()) {
                groupKinds.add(gk.trim());
            }
        }
        Set<ResourceId> members = new LinkedHashSet<>();
        for (Resource r : live) {
            if (id.equals(r.labels().get(SyncAnnotations.APPLYSET_PART_OF)) && groupKinds.contains(r.id().groupKind())) {
                members.add(r.id());
            }
        }
        return new Inventory(id, Set.copyOf(members));
    }

    /** The ApplySet id, or {@code ""} for an inventory built from ids. */
    public String applySetId() {
        return applySetId;
    }

    public Set<ResourceId> members() {
        return members;
    }

    public boolean contains(ResourceId id) {
        return members.contains(id);
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inventory i && i.applySetId.equals(applySetId) && i.members.equals(members);
    }

    @Override
    public int hashCode() {
        return applySetId.hashCode() * 31 + members.hashCode();
    }

    @Override
    public String toString() {
        return "Inventory[" + (applySetId.isEmpty() ? "" : applySetId + ", ") + members.size() + " members]";
    }
}
