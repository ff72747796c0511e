package dev.kelpie.core.sync;

import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.plan.ApplySetParent;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.SyncPlan;
import java.util.Objects;
import java.util.Optional;

/**
 * One sync to execute: the plan, the application's inventory as it was when planned, and the
 * application-level options that shape writes. Immutable and thread-safe.
 *
 * @param plan            what to do, in order
 * @param parent          the ApplySet parent that holds the inventory
 * @param inventory       the inventory the plan was made from
 * @param createNamespace the namespace to create first when it is missing (CreateNamespace=true)
 * @param serverSideApply the application asks for server-side apply (ServerSideApply=true)
 * @param replace         the application asks for replace instead of apply (Replace=true)
 * @param propagation     how prune deletes dependents (PrunePropagationPolicy)
 */
public record SyncRequest(SyncPlan plan, ApplySetParent parent, Inventory inventory, Optional<String> createNamespace,
                          boolean serverSideApply, boolean replace, DeleteOptions.Propagation propagation) {
    public SyncRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(createNamespace, "createNamespace");
        Objects.requireNonNull(propagation, "propagation");
    }
}
