package dev.kelpie.core.plan;

import dev.kelpie.core.model.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * What a prune deletes, what it keeps, and why; or the guard that refused it (then nothing is
 * deleted and every candidate is kept with the refusal as reason). Immutable and thread-safe.
 */
public record PrunePlan(List<PruneDecision> decisions, List<PruneRefusal> refusals) {

    public PrunePlan {
        decisions = List.copyOf(decisions);
        refusals = List.copyOf(refusals);
        if (!refusals.isEmpty() && decisions.stream().anyMatch(PruneDecision::prunes)) {
            throw new IllegalArgumentException("a refused prune plan cannot delete anything");
        }
    }

    /** A plan that touches nothing. */
    public static PrunePlan empty() {
        return new PrunePlan(List.of(), List.of());
    }

    /** The objects to delete. */
    public List<PruneDecision> toPrune() {
        return decisions.stream().filter(PruneDecision::prunes).toList();
    }

    /** The candidates that stay, each with its reason. */
    public List<PruneDecision> kept() {
        return decisions.stream().filter(d -> !d.prunes()).toList();
    }

    public List<ResourceId> prunedIds() {
        return toPrune().stream().map(PruneDecision::id).toList();
    }

    public boolean isRefused() {
        return !refusals.isEmpty();
    }

    /** The first refusal, if any. */
    public Optional<PruneRefusal> refusal() {
        return refusals.stream().findFirst();
    }

    /**
     * This plan, or an exception naming every refusal.
     *
     * @throws PruneRefusedException when a guard refused
     */
    public PrunePlan orThrow() {
        if (isRefused()) {
            throw new PruneRefusedException(refusals);
        }
        return this;
    }
}
