package dev.kelpie.kustomize;

/** Which files a kustomization may read. */
public enum LoadRestrictor {
    /** Files only in or below the kustomization's own directory (kustomize's default). */
    ROOT_ONLY,
    /** Any file of the tree. */
    NONE
}
