package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shortcuts to a {@link Differ} with default settings (built-in metadata and normalisation,
 * no ignore rules). Thread-safe.
 *
 * <pre>{@code
 * DiffResult r = Diff.threeWay(lastApplied, desired, live);
 * boolean outOfSync = r.modified();
 * }</pre>
 */
public final class Diff {
    private static final class Holder {
        static final Differ DEFAULT = Differ.builder().build();
    }

    private Diff() {
    }

    /**
     * Three-way diff with default settings; see {@link Differ#threeWay}.
     *
     * @throws DiffException when a document is malformed or cannot be patched
     */
    public static DiffResult threeWay(JsonNode lastApplied, JsonNode desired, JsonNode live) {
        return Holder.DEFAULT.threeWay(lastApplied, desired, live);
    }

    /**
     * Two-way diff with default settings; see {@link Differ#twoWay}.
     *
     * @throws DiffException when a document is malformed or cannot be patched
     */
    public static DiffResult twoWay(JsonNode desired, JsonNode live) {
        return Holder.DEFAULT.twoWay(desired, live);
    }
}
