package dev.kelpie.core.backend;

import java.util.Objects;

/** How to delete: propagation policy and dry-run. Default: background, no dry-run. Immutable and thread-safe. */
public record DeleteOptions(Propagation propagation, boolean dryRun) {

    /** Kubernetes' propagation policies for dependents. */
    public enum Propagation { BACKGROUND, FOREGROUND, ORPHAN }

    public DeleteOptions {
        Objects.requireNonNull(propagation, "propagation");
    }

    public static DeleteOptions defaults() {
        return new DeleteOptions(Propagation.BACKGROUND, false);
    }

    public DeleteOptions withPropagation(Propagation p) {
        return new DeleteOptions(p, dryRun);
    }

    public DeleteOptions withDryRun(boolean d) {
        return new DeleteOptions(propagation, d);
    }
}
