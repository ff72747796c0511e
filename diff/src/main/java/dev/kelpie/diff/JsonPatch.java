package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kelpie.diff.internal.patch.JsonPatchEngine;

/**
 * JSON patch (RFC 6902) with JSON pointers (RFC 6901, {@code ~0}/{@code ~1} escapes).
 *
 * <p>Inputs are never modified, except by {@link #applyLikeKubectlInPlace}. Stateless and
 * thread-safe.
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
     * Applies the operations as {@code kubectl patch --type json} does, and kustomize v5 with
     * its JSON 6902 patches (both use evanphx/json-patch v4.12). A patch that is valid under
     * the RFC and names only paths that exist, other than the root, does the same as
     * {@link #apply}; the library is more lenient elsewhere, and this follows it:
     * <ul>
     *   <li>list indices like Go's {@code Atoi} ({@code 01}, {@code +1}); negative ones count
     *       from the end ({@code -1} is the last element; {@code add} at {@code -1} appends);</li>
     *   <li>a missing object member is not an error when read: {@code replace} adds it,
     *       {@code copy} copies {@code null}, {@code test} with {@code "value": null} passes;</li>
     *   <li>{@code add} and {@code replace} without {@code value} write {@code null};</li>
     *   <li>pointers: what precedes the first {@code /} is ignored ({@code spec/replicas} is
     *       {@code /replicas}), a non-empty pointer without {@code /} names nothing, a {@code ~}
     *       not followed by {@code 0} or {@code 1} is literal;</li>
     *   <li>the root: {@code replace} with an object or a list replaces the document (with
     *       anything else it does nothing), {@code test} compares it; {@code add},
     *       {@code remove}, {@code move} and {@code copy} on it fail.</li>
     * </ul>
     * One difference is kept on purpose: {@code test} compares numbers by value, where the Go
     * library compares their JSON text ({@code 1} and {@code 1.0} differ there).
     *
     * @throws DiffException as {@link #apply}
     */
    public static JsonNode applyLikeKubectl(JsonNode document, JsonNode patch) {
        return JsonPatchEngine.apply(document, patch, true);
    }

    /**
     * As {@link #applyLikeKubectl}, but on {@code document} itself rather than a copy, for a
     * caller that owns the tree and drops it when a patch fails: kustomize applies each of its
     * JSON 6902 patches to every selected object, and copying each object first would cost more
     * than patching it. Not all or nothing: when an operation fails, the ones before it stay
     * applied.
     *
     * @return the patched document: {@code document} itself, unless a {@code replace} of the
     *     root put another node in its place
     * @throws DiffException as {@link #apply}
     */
    public static JsonNode applyLikeKubectlInPlace(JsonNode document, JsonNode patch) {
        return JsonPatchEngine.applyInPlace(document, patch, true);
    }

    /** A patch that turns {@code source} into {@code target}: apply(source, create(source, target)) equals target. */
    public static ArrayNode create(JsonNode source, JsonNode target) {
        return JsonPatchEngine.create(source, target);
    }
}
