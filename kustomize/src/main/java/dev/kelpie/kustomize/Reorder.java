package dev.kelpie.kustomize;

/** The output order when the kustomization has no {@code sortOptions}. */
public enum Reorder {
    /** kustomize's legacy kind-based order (Namespaces first, webhooks last). */
    LEGACY,
    /** Input order, depth first. */
    NONE
}
