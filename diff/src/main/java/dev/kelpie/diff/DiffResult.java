package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.normalise.UnifiedDiff;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing one object: whether the live object differs from what applying
 * the desired state would make of it, both sides normalised, the patch that would be sent,
 * and the changes. {@link #toString()} shows no field values (they may be Secret data).
 *
 * <p>Immutable and thread-safe (trees are copied on the way in and out).
 *
 * @param modified whether live and predicted differ after normalisation and ignore rules
 * @param normalisedLive the live object, normalised (empty object when it does not exist)
 * @param predictedLive the live object after the patch, normalised the same way
 * @param patch the patch that turns live into predicted (what {@code kubectl apply} sends)
 * @param patchFormat the kind of {@code patch}
 * @param changes the differences, in document order; empty when not modified
 */
public record DiffResult(boolean modified, ObjectNode normalisedLive, ObjectNode predictedLive, JsonNode patch,
        PatchFormat patchFormat, List<Change> changes) {

    public DiffResult {
        normalisedLive = Objects.requireNonNull(normalisedLive, "normalisedLive").deepCopy();
        predictedLive = Objects.requireNonNull(predictedLive, "predictedLive").deepCopy();
        patch = Objects.requireNonNull(patch, "patch").deepCopy();
        Objects.requireNonNull(patchFormat, "patchFormat");
        changes = List.copyOf(changes);
    }

    @Override
    public ObjectNode normalisedLive() {
        return normalisedLive.deepCopy();
    }

    @Override
    public ObjectNode predictedLive() {
        return predictedLive.deepCopy();
    }

    @Override
    public JsonNode patch() {
        return patch.deepCopy();
    }

    /** The paths of the changes. */
    public List<String> changedPaths() {
        return changes.stream().map(Change::path).toList();
    }

    /**
     * A unified diff of the two sides as YAML, like {@code kubectl diff}; Secret values masked.
     * Empty when not modified.
     *
     * @param name the label of both sides, e.g. {@code apps.v1.Deployment.shop.web}
     */
    public String unifiedDiff(String name) {
        return modified ? UnifiedDiff.render(normalisedLive, predictedLive, name) : "";
    }

    @Override
    public String toString() {
        return "DiffResult[modified=" + modified + ", patchFormat=" + patchFormat + ", changes=" + changedPaths() + "]";
    }
}
