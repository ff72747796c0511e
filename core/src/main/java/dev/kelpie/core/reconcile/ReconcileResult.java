package dev.kelpie.core.reconcile;

import dev.kelpie.core.health.ApplicationHealth;
import dev.kelpie.core.health.HealthStatus;
import dev.kelpie.core.plan.SyncPlan;
import dev.kelpie.core.sync.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile pass found and did. Immutable and thread-safe.
 *
 * @param app       the application
 * @param revision  the commit rendered ({@code ""} when the source could not be read)
 * @param phase     how the pass ended
 * @param sync      whether the cluster matches Git after the pass
 * @param health    application health after the pass (worst of its objects)
 * @param plan      the plan, when one was made
 * @param outcomes  one outcome per step that ran, in order
 * @param warnings  warnings from rendering and planning
 * @param message   why the pass failed or was refused; empty when it succeeded
 * @param timings   time spent per stage (source, render, plan, sync, health)
 * @param finishedAt when the pass ended
 */
public record ReconcileResult(String app, String revision, Phase phase, SyncStatus sync, ApplicationHealth health,
                              Optional<SyncPlan> plan, List<StepOutcome> outcomes, List<String> warnings,
                              Optional<String> message, Map<String, Duration> timings, Instant finishedAt) {

    /** How a pass ended. */
    public enum Phase {
        /** Everything planned ran (or nothing needed to). */
        SUCCEEDED,
        /** Drift was found and reported, not fixed (detect-only mode or manual sync policy). */
        DETECTED,
        /** A guard refused part of the sync (prune guard, shared resource); nothing it guards was touched. */
        REFUSED,
        /** The source, the render or a step failed; see the message. A failed render never prunes. */
        FAILED
    }

    public ReconcileResult {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(plan, "plan");
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(message, "message");
        timings = Map.copyOf(timings);
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    public HealthStatus healthStatus() {
        return health.status();
    }

    /** How many outcomes of each word (created, configured, unchanged, pruned, skipped, failed). */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (StepOutcome o : outcomes) {
            m.merge(o.word(), 1, Integer::sum);
        }
        return m;
    }

    /** Whether the pass changed the cluster. */
    public boolean changedCluster() {
        return outcomes.stream().anyMatch(o -> o instanceof StepOutcome.Created || o instanceof StepOutcome.Configured
                || o instanceof StepOutcome.Pruned);
    }

    @Override
    public String toString() {
        return app + "@" + (revision.length() > 7 ? revision.substring(0, 7) : revision) + " " + phase + " "
                + sync.displayName() + "/" + health.status().displayName() + " " + counts()
                + message.map(m -> ": " + m).orElse("");
    }
}
