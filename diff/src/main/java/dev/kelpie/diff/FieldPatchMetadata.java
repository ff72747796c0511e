package dev.kelpie.diff;

import java.util.List;
import java.util.Objects;

/**
 * The patch and list metadata of one field of a Kubernetes kind, as the OpenAPI extensions
 * state it. Strategic merge patch reads {@code patchStrategies} and {@code patchMergeKey};
 * server-side apply reads {@code listType}, {@code listMapKeys} and {@code mapType}. Empty
 * strings and lists mean "not set".
 *
 * @param patchStrategies e.g. {@code [merge]}, {@code [merge, retainKeys]}, {@code [replace]}
 * @param patchMergeKey the merge key of a merge list, e.g. {@code name}
 * @param listType {@code atomic}, {@code set} or {@code map}
 * @param listMapKeys the keys of a {@code map} list
 * @param mapType {@code atomic} or {@code granular}
 */
public record FieldPatchMetadata(List<String> patchStrategies, String patchMergeKey, String listType,
        List<String> listMapKeys, String mapType) {
    public FieldPatchMetadata {
        patchStrategies = List.copyOf(patchStrategies);
        Objects.requireNonNull(patchMergeKey, "patchMergeKey");
        Objects.requireNonNull(listType, "listType");
        listMapKeys = List.copyOf(listMapKeys);
        Objects.requireNonNull(mapType, "mapType");
    }
}
