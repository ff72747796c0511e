package dev.kelpie.core.plan;

import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.Objects;

/**
 * The verdict on one object the inventory holds but Git no longer does. Immutable and
 * thread-safe.
 */
public record PruneDecision(ResourceId id, Resource live, Verdict verdict, String reason) {

    /** Why an object goes or stays. */
    public enum Verdict {
        /** It goes. */
        PRUNE,
        /** Pruning is off for this application. */
        KEEP_PRUNE_DISABLED,
        /** {@code Prune=false} or {@code Delete=false} on the object. */
        KEEP_ANNOTATED,
        /** {@code Prune=confirm} on the object and the prune was not confirmed. */
        KEEP_NEEDS_CONFIRMATION,
        /** Its tracking id names another application. */
        KEEP_OWNED_ELSEWHERE,
        /** A guard refused the whole prune. */
        KEEP_REFUSED
    }

    public PruneDecision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean prunes() {
        return verdict == Verdict.PRUNE;
    }
}
