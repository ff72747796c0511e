package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.Objects;
import java.util.Set;

/**
 * One object's place in a {@link SyncPlan}: what to do ({@link SyncAction}), why, and when
 * (phase, wave). {@code object} is the desired object for create/update/unchanged/hooks and the
 * live object for prune. {@code hook} steps carry their delete policies. Immutable and
 * thread-safe.
 */
public record SyncStep(ResourceId id, SyncAction action, String reason, SyncPhase phase, int wave,
                       Resource object, ObjectSyncOptions options, boolean hook,
                       Set<HookDeletePolicy> hookDeletePolicies) {

    public SyncStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(options, "options");
        hookDeletePolicies = Set.copyOf(hookDeletePolicies);
    }

    /** The same step moved to another phase and wave (dependency ordering). */
    public SyncStep at(SyncPhase newPhase, int newWave) {
        return new SyncStep(id, action, reason, newPhase, newWave, object, options, hook, hookDeletePolicies);
    }

    /** Whether the step changes the cluster. */
    public boolean changes() {
        return action == SyncAction.CREATE || action == SyncAction.UPDATE || action == SyncAction.PRUNE;
    }

    @Override
    public String toString() {
        return phase.annotationValue() + "/" + wave + " " + action + " " + id + ": " + reason;
    }
}
