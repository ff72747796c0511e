package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.patch.MergePatchEngine;

/**
 * JSON merge patch (RFC 7386, obsoleted by the identical RFC 7396): {@code null} deletes, maps
 * merge, everything else (lists included) is replaced; {@code $patch} keys are plain data.
 * Also the three-way JSON merge patch {@code kubectl apply} uses for custom resources.
 *
 * <p>Inputs are never modified. Stateless and thread-safe.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /** Applies {@code patch} to {@code target} (which may be null: absent). A non-object patch replaces the target. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        return MergePatchEngine.apply(target, patch);
    }

    /**
     * Applies a merge patch as {@code kubectl patch --type merge} does: the patch must be an
     * object (kubectl refuses others: "Invalid JSON Patch").
     *
     * @throws DiffException when the patch is not an object
     */
    public static JsonNode applyLikeKubectl(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new DiffException("JSON merge patch apply", "", "Invalid JSON Patch: a merge patch must be an object");
        }
        return MergePatchEngine.apply(target, patch);
    }

    /**
     * The patch that turns {@code original} into {@code modified}.
     *
     * @throws DiffException when either document is not an object
     */
    public static ObjectNode create(JsonNode original, JsonNode modified) {
        return MergePatchEngine.create(original, modified);
    }

    /**
     * The three-way patch: changes from {@code current} (live) to {@code modified} (desired)
     * without deletions, plus deletions of fields {@code original} (last applied) had and
     * {@code modified} dropped. Fields set on the live object by others are kept; lists differing
     * from live are replaced whole.
     *
     * @throws PatchConflictException when the same key is both changed and deleted
     * @throws DiffException when a document is not an object
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current) {
        return MergePatchEngine.createThreeWay(original, modified, current);
    }
}
