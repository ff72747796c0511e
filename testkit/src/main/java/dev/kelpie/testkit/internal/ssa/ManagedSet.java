package dev.kelpie.testkit.internal.ssa;

import java.util.Objects;

/** The fields one manager owns, at the API version it used, and whether it owns them by applying. */
public record ManagedSet(FieldSet set, String apiVersion, boolean applied) {
    public ManagedSet {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    ManagedSet withSet(FieldSet s) {
        return new ManagedSet(s, apiVersion, applied);
    }
}
