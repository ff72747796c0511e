package dev.kelpie.core.plan;

import java.util.Objects;

/** A guard that refused a whole prune, and why. Immutable and thread-safe. */
public record PruneRefusal(Guard guard, String message) {

    /** The guards that can refuse a prune. */
    public enum Guard {
        /** The render failed: nothing is pruned. */
        RENDER_FAILED,
        /** The render is empty but the inventory is not, and allowEmpty is off. */
        EMPTY_RENDER,
        /** More deletions than {@link PrunePolicy#maxDeletions()}. */
        MAX_DELETIONS,
        /** A larger share of the inventory than {@link PrunePolicy#maxDeletionShare()}. */
        MAX_DELETION_SHARE
    }

    public PruneRefusal {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(message, "message");
    }
}
