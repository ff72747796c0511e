package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.normalise.UnifiedDiff;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The outcome of comparing one object: whether the live object differs from what applying
 * the desired state would make of it, both sides normalised, the patch that would be sent,
 * and the changes. {@link #toString()} shows no field values (they may be Secret data).
 *
 * <p>A final class rather than a record: the differ hands over trees it built and owns, so the
 * result keeps them without copying (a copy per tree per object is measurable when diffing
 * thousands of objects); the accessors hand out copies. Immutable and thread-safe.
 */
public final class DiffResult {
    private final boolean modified;
    private final PatchFormat patchFormat;
    private final List<Change> changes;
    /** The trees, or null until {@link #trees()} computes them with {@link #compute}. */
    private volatile Trees trees;
    private final Supplier<DiffResult> compute;

    /** The trees a result shows; built by the differ and owned by the result. */
    private record Trees(ObjectNode normalisedLive, ObjectNode predictedLive, JsonNode patch) {
    }

    DiffResult(boolean modified, ObjectNode normalisedLive, ObjectNode predictedLive, JsonNode patch,
            PatchFormat patchFormat, List<Change> changes) {
        this.modified = modified;
        this.trees = new Trees(Objects.requireNonNull(normalisedLive, "normalisedLive"),
                Objects.requireNonNull(predictedLive, "predictedLive"), Objects.requireNonNull(patch, "patch"));
        this.patchFormat = Objects.requireNonNull(patchFormat, "patchFormat");
        this.changes = List.copyOf(changes);
        this.compute = null;
    }

    /**
     * A result known to be in sync whose trees are computed only when asked for ({@code compute}
     * runs the full diff of the same inputs, at most once): most callers only want the verdict.
     */
    private DiffResult(PatchFormat patchFormat, Supplier<DiffResult> compute) {
        this.modified = false;
        this.patchFormat = Objects.requireNonNull(patchFormat, "patchFormat");
        this.changes = List.of();
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    static DiffResult inSync(PatchFormat patchFormat, Supplier<DiffResult> compute) {
        return new DiffResult(patchFormat, compute);
    }

    /** Whether the fast path found this result (for tests). */
    boolean fromFastPath() {
        return compute != null;
    }

    private Trees trees() {
        Trees t = trees;
        if (t == null) {
            synchronized (this) {
                t = trees;
                if (t == null) {
                    t = compute.get().trees();
                    trees = t;
                }
            }
        }
        return t;
    }

    /** Whether live and predicted differ after normalisation and ignore rules ("OutOfSync"). */
    public boolean modified() {
        return modified;
    }

    /** The live object, normalised (an empty object when it does not exist). A copy. */
    public ObjectNode normalisedLive() {
        return trees().normalisedLive().deepCopy();
    }

    /** The live object after the patch, normalised the same way. A copy. */
    public ObjectNode predictedLive() {
        return trees().predictedLive().deepCopy();
    }

    /** The patch that turns live into predicted: what {@code kubectl apply} would send. A copy. */
    public JsonNode patch() {
        return trees().patch().deepCopy();
    }

    /** The kind of {@link #patch()}. */
    public PatchFormat patchFormat() {
        return patchFormat;
    }

    /** The differences, in document order; empty when not modified. Secret values masked. */
    public List<Change> changes() {
        return changes;
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
        return modified ? UnifiedDiff.render(trees().normalisedLive(), trees().predictedLive(), name) : "";
    }

    @Override
    public String toString() {
        return "DiffResult[modified=" + modified + ", patchFormat=" + patchFormat + ", changes=" + changedPaths() + "]";
    }
}
