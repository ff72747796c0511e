package dev.kelpie.core.sync;

import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.health.HealthAssessor;
import dev.kelpie.core.sync.internal.WaveRunner;
import dev.kelpie.diff.PatchMetadata;
import java.util.Objects;

/**
 * Carries out a {@link dev.kelpie.core.plan.SyncPlan} against a {@link Backend}: grows the
 * inventory, writes each wave in order and waits for it to be healthy, prunes, then shrinks
 * the inventory. Stops at the first failed wave and says where; a rerun plans again and
 * resumes. Immutable and thread-safe.
 *
 * <pre>{@code
 * SyncExecutor executor = SyncExecutor.create(cluster, SyncSettings.defaults());
 * SyncResult result = executor.execute(request);
 * }</pre>
 */
public final class SyncExecutor {
    private final Backend backend;
    private final SyncSettings settings;
    private final HealthAssessor health;
    private final PatchMetadata metadata;
    private final InventoryStore inventory;

    private SyncExecutor(Backend backend, SyncSettings settings, HealthAssessor health, PatchMetadata metadata,
                         InventoryStore inventory) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.health = Objects.requireNonNull(health, "health");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
    }

    /** An executor with the built-in health rules and patch metadata, keeping inventories as ApplySets. */
    public static SyncExecutor create(Backend backend, SyncSettings settings) {
        return create(backend, settings, HealthAssessor.defaults(), new ApplySetInventoryStore(backend, settings.writeOptions()));
    }

    public static SyncExecutor create(Backend backend, SyncSettings settings, HealthAssessor health, InventoryStore store) {
        return new SyncExecutor(backend, settings, health, PatchMetadata.builtIn(), store);
    }

    public SyncSettings settings() {
        return settings;
    }

    public InventoryStore inventoryStore() {
        return inventory;
    }

    /** Executes the request; never throws for cluster failures, which come back as outcomes. */
    public SyncResult execute(SyncRequest request) {
        return new WaveRunner(backend, settings, health, metadata, inventory, request).run();
    }
}
