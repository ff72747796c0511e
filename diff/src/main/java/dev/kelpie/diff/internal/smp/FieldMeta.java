package dev.kelpie.diff.internal.smp;

import java.util.List;

/**
 * The patch metadata of one field: its strategies ({@code merge}, {@code replace},
 * {@code retainKeys}), its merge key, and the schema below it (for a list: of its items).
 */
public record FieldMeta(List<String> strategies, String mergeKey, SchemaNode schema) {
    public FieldMeta {
        strategies = List.copyOf(strategies);
    }

    static FieldMeta plain(SchemaNode schema) {
        return new FieldMeta(List.of(), "", schema);
    }

    /** Splits {@code "merge,retainKeys"} into its parts. */
    static List<String> strategies(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split(","));
    }
}
