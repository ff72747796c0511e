package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.smp.StrategicPatchEngine;
import java.util.Objects;

/**
 * Kubernetes strategic merge patch with the semantics of apimachinery's
 * {@code pkg/util/strategicpatch}: every directive ({@code $patch: replace|delete|merge},
 * {@code $setElementOrder}, {@code $retainKeys}, {@code $deleteFromPrimitiveList}), null
 * deletion, primitive list merge and the ordering rules.
 *
 * <pre>{@code
 * PatchSchema schema = PatchMetadata.builtIn().schemaFor("apps", "v1", "Deployment").orElseThrow();
 * ObjectNode patch = StrategicMerge.createTwoWay(before, after, schema);
 * ObjectNode result = StrategicMerge.apply(before, patch, schema);   // equals after
 * }</pre>
 *
 * <p>Inputs are never modified; results are fresh trees. Stateless and thread-safe.
 */
public final class StrategicMerge {
    private StrategicMerge() {
    }

    /**
     * Applies a strategic merge patch to a document (absent/null documents count as {@code {}}).
     *
     * @throws DiffException for a malformed patch, an unknown directive, a missing merge key, or
     *     an order that contradicts {@code $setElementOrder}; nothing is half-applied
     */
    public static ObjectNode apply(JsonNode document, JsonNode patch, PatchSchema schema) {
        Objects.requireNonNull(schema, "schema");
        return StrategicPatchEngine.apply(document, patch, schema.node());
    }

    /**
     * The patch that turns {@code original} into {@code modified}.
     *
     * @throws DiffException when the documents cannot be diffed (e.g. a changed field the schema does not know)
     */
    public static ObjectNode createTwoWay(JsonNode original, JsonNode modified, PatchSchema schema) {
        Objects.requireNonNull(schema, "schema");
        return StrategicPatchEngine.createTwoWay(original, modified, schema.node());
    }

    /**
     * The patch {@code kubectl apply} sends: changes from {@code current} (live) to
     * {@code modified} (desired), plus deletions of fields that were in {@code original} (last
     * applied) but left {@code modified}. Fields others set on the live object are kept.
     *
     * @param overwrite when false, changes that contradict edits made to the live object since
     *     {@code original} are refused (kubectl apply always overwrites)
     * @throws PatchConflictException on such a conflict
     * @throws DiffException when the documents cannot be diffed
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current, PatchSchema schema,
            boolean overwrite) {
        Objects.requireNonNull(schema, "schema");
        return StrategicPatchEngine.createThreeWay(original, modified, current, schema.node(), overwrite);
    }
}
