package dev.kelpie.diff;

/** Which patch a diff computed: what {@code kubectl apply} would send for the kind. */
public enum PatchFormat {
    /** Strategic merge patch (built-in kinds, or a kind with a registered schema). */
    STRATEGIC_MERGE,
    /** JSON merge patch (custom resources without a schema, as kubectl falls back). */
    JSON_MERGE
}
