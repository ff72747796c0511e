package dev.kelpie.core.backend;

import java.util.Optional;

/** What a cluster serves. Thread-safe. */
public interface Discovery {
    /** {@code true} namespaced, {@code false} cluster-scoped, empty when the cluster does not serve the kind. */
    Optional<Boolean> isNamespaced(String group, String kind);

    /** Whether the cluster serves this group, version and kind. */
    boolean serves(String group, String version, String kind);
}
