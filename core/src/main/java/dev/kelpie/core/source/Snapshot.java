package dev.kelpie.core.source;

import java.util.Objects;

/**
 * Desired state at one revision: the revision that was resolved (a full commit id for Git, a
 * label for folders) and its read-only, root-confined {@link FileTree}. Immutable and thread-safe.
 */
public record Snapshot(String revision, FileTree tree) {
    public Snapshot {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(tree, "tree");
    }
}
