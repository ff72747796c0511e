package dev.kelpie.core.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered, explained plan: every step in the order it runs (phase, wave, kind, name), the
 * prune plan behind the prune steps, and problems that stop the sync (a prune guard refused,
 * a shared object with FailOnSharedResource). Immutable and thread-safe.
 */
public record SyncPlan(String app, List<SyncStep> steps, PrunePlan prune, List<String> problems,
                       boolean applyOutOfSyncOnly) {

    public SyncPlan {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(prune, "prune");
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** Whether a guard or problem stops this sync. */
    public boolean isRefused() {
        return prune.isRefused() || !problems.isEmpty();
    }

    /** Whether anything would change in the cluster. */
    public boolean hasChanges() {
        return steps.stream().anyMatch(SyncStep::changes);
    }

    /** The steps with one action, in order. */
    public List<SyncStep> steps(SyncAction action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    /** How many steps each action has. */
    public Map<SyncAction, Integer> counts() {
        Map<SyncAction, Integer> m = new EnumMap<>(SyncAction.class);
        for (SyncAction a : SyncAction.values()) {
            m.put(a, 0);
        }
        steps.forEach(s -> m.merge(s.action(), 1, Integer::sum));
        return m;
    }
}
