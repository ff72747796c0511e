package dev.kelpie.core.sync;

import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.ApplySetParent;
import dev.kelpie.core.plan.Inventory;
import java.util.Collection;

/**
 * Where an application's inventory lives: the record of which objects it applied, so that
 * prune touches nothing else. The sync grows it before creating objects and shrinks it only
 * after they are gone, so a crash at any point neither orphans nor wrongly prunes an object.
 * Implementations are thread-safe.
 */
public interface InventoryStore {

    /** The objects the application owns now ({@link Inventory#empty()} when it has none). */
    Inventory load(ApplySetParent parent);

    /**
     * Records that the set may hold objects like {@code members} (their group-kinds and
     * namespaces). Called with the union before creating, with what remains after pruning.
     */
    void record(ApplySetParent parent, Collection<ResourceId> members);
}
