package dev.kelpie.core.sync;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync did: one outcome per step that ran, in order, and where it stopped when it did
 * not finish. Steps after the stop have no outcome: a rerun plans again and resumes.
 * Immutable and thread-safe.
 */
public record SyncResult(List<StepOutcome> outcomes, Optional<String> stoppedBecause) {
    public SyncResult {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(stoppedBecause, "stoppedBecause");
    }

    /** Whether every step ran and none failed. */
    public boolean succeeded() {
        return stoppedBecause.isEmpty() && outcomes.stream().noneMatch(o -> o instanceof StepOutcome.Failed);
    }

    /** How many outcomes of each word (created, configured, …). */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (StepOutcome o : outcomes) {
            m.merge(o.word(), 1, Integer::sum);
        }
        return m;
    }

    public List<StepOutcome.Failed> failures() {
        return outcomes.stream().filter(o -> o instanceof StepOutcome.Failed).map(o -> (StepOutcome.Failed) o).toList();
    }

    /** Whether any failure may go away on a retry. */
    public boolean retriable() {
        return failures().stream().allMatch(StepOutcome.Failed::retriable);
    }
}
