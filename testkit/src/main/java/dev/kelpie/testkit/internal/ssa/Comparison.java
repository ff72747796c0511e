package dev.kelpie.testkit.internal.ssa;

/** Paths added, removed and modified between two versions of an object. */
public record Comparison(FieldSet added, FieldSet removed, FieldSet modified) {
    public boolean isSame() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }
}
