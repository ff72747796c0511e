package dev.kelpie.core.sync;

import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Manifests;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.core.plan.ApplySetParent;
import dev.kelpie.core.plan.Inventory;
import dev.kelpie.core.plan.SyncAnnotations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the inventory in the cluster as kubectl's ApplySets do (KEP-3659): a parent ConfigMap
 * lists the member group-kinds, and members carry {@code applyset.kubernetes.io/part-of}. The
 * inventory is read back by listing those group-kinds with that label, so it survives a
 * restart of the engine and agrees with {@code kubectl apply --prune --applyset}. Thread-safe.
 */
public final class ApplySetInventoryStore implements InventoryStore {
    private final Backend backend;
    private final WriteOptions writeOptions;

    public ApplySetInventoryStore(Backend backend, WriteOptions writeOptions) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.writeOptions = Objects.requireNonNull(writeOptions, "writeOptions");
    }

    @Override
    public Inventory load(ApplySetParent parent) {
        Optional<Resource> stored = backend.get(parent.resourceId());
        if (stored.isEmpty()) {
            return Inventory.empty();
        }
        String id = parent.id();
        String kinds = stored.get().annotations().getOrDefault(SyncAnnotations.APPLYSET_GROUP_KINDS, "");
        List<Resource> members = new ArrayList<>();
        for (String groupKind : kinds.split(",")) {
            if (groupKind.isBlank()) {
                continue;
            }
            int dot = groupKind.indexOf('.');
            String kind = dot < 0 ? groupKind : groupKind.substring(0, dot);
            String group = dot < 0 ? "" : groupKind.substring(dot + 1);
            try {
                members.addAll(backend.list(ListQuery.of(group, kind).withLabels(Map.of(SyncAnnotations.APPLYSET_PART_OF, id))));
            } catch (ApiException e) {
                if (e.reason() != ApiException.Reason.NOT_FOUND) {
                    throw e;
                }
                // the kind is gone from the cluster (its CRD was deleted): nothing of it to own
            }
        }
        return Inventory.fromApplySet(stored.get(), Manifests.of(members));
    }

    @Override
    public void record(ApplySetParent parent, Collection<ResourceId> members) {
        if (writeOptions.dryRun()) {
            return;
        }
        backend.apply(parent.toResource(members), writeOptions.withForce(true));
    }
}
