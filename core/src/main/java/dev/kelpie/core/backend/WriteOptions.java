package dev.kelpie.core.backend;

import java.util.Objects;

/**
 * Options of a write: the field manager, forcing conflicts in server-side apply, and server
 * dry-run. Defaults: manager {@code kelpie}, no force, no dry-run. Immutable and thread-safe.
 */
public record WriteOptions(String fieldManager, boolean force, boolean dryRun) {
    public static final String DEFAULT_MANAGER = "kelpie";
    private static final WriteOptions DEFAULTS = new WriteOptions(DEFAULT_MANAGER, false, false);

    public WriteOptions {
        Objects.requireNonNull(fieldManager, "fieldManager");
        if (fieldManager.isBlank()) {
            throw new IllegalArgumentException("fieldManager must not be blank");
        }
    }

    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    public WriteOptions withFieldManager(String manager) {
        return new WriteOptions(manager, force, dryRun);
    }

    public WriteOptions withForce(boolean f) {
        return new WriteOptions(fieldManager, f, dryRun);
    }

    public WriteOptions withDryRun(boolean d) {
        return new WriteOptions(fieldManager, force, d);
    }
}
