package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kelpie.diff.internal.patch.JsonPatchEngine;

/**
 * JSON patch (RFC 6902) with JSON pointers (RFC 6901, {@code ~0}/{@code ~1} escapes).
 *
 * <p>Inputs are never modified. Stateless and thread-safe.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    /**
     * Applies the operations ({@code add}, {@code remove}, {@code replace}, {@code move},
     * {@code copy}, {@code test}) in order; all or nothing.
     *
     * @throws DiffException naming the operation and path: a malformed operation, a path that
     *     does not exist, a failed {@code test}
     */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        return JsonPatchEngine.apply(document, patch);
    }

    /**
     * Applies the operations as {@code kubectl patch --type json} does (evanphx/json-patch v4):
     * list indices like Go's {@code Atoi} ({@code 01}, and {@code -1} from the end) and no
     * operations on the document root. Otherwise as {@link #apply}.
     *
     * @throws DiffException as {@link #apply}
     */
    public static JsonNode applyLikeKubectl(JsonNode document, JsonNode patch) {
        return JsonPatchEngine.apply(document, patch, true);
    }

    /** A patch that turns {@code source} into {@code target}: apply(source, create(source, target)) equals target. */
    public static ArrayNode create(JsonNode source, JsonNode target) {
        return JsonPatchEngine.create(source, target);
    }
}
