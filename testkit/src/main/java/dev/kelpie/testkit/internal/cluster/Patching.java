package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.ApiException.Reason;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.JsonMergePatch;
import dev.kelpie.diff.JsonPatch;
import dev.kelpie.diff.PatchMetadata;
import dev.kelpie.diff.PatchSchema;
import dev.kelpie.diff.StrategicMerge;
import java.util.Optional;

/**
 * PATCH and kubectl's client-side apply on the cluster state: JSON patch, JSON merge patch and
 * strategic merge patch through the diff module, with the built-in kinds' patch metadata (a
 * strategic merge patch on a custom resource is refused, as the server answers 415); client-side apply keeps the {@code kubectl.kubernetes.io/last-applied-configuration}
 * annotation and sends the three-way strategic merge patch kubectl computes. Runs under the
 * cluster's lock.
 */
public final class Patching {
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    public static final String CLIENT_SIDE_APPLY_MANAGER = "kubectl-client-side-apply";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ClusterState state;
    private final PatchMetadata metadata = PatchMetadata.builtIn();

    public Patching(ClusterState state) {
        this.state = state;
    }

    public Resource patch(ResourceId requested, PatchType type, JsonNode patch, WriteOptions o) {
        ResourceId id = state.checkKind(requested);
        Resource before = state.existing(id);
        if (type == PatchType.STRATEGIC && state.kinds.isCustom(id.group(), id.kind())) {
            throw new ApiException(Reason.BAD_REQUEST, id, "415 UnsupportedMediaType: the body of the request was in an "
                    + "unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json");
        }
        JsonNode patched;
        try {
            patched = switch (type) {
                case JSON -> JsonPatch.apply(before.object(), patch);
                case MERGE -> JsonMergePatch.apply(before.object(), patch);
                case STRATEGIC -> StrategicMerge.apply(before.object(), patch, schema(id));
            };
        } catch (DiffException e) {
            throw new ApiException(Reason.INVALID, id, "cannot apply the " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " patch: " + e.getMessage());
        }
        if (!(patched instanceof ObjectNode obj)) {
            throw new ApiException(Reason.BAD_REQUEST, id, "the patch does not produce an object");
        }
        return write(id, before, obj, o);
    }

    private Resource write(ResourceId id, Resource before, ObjectNode obj, WriteOptions o) {
        Resource candidate;
        try {
            candidate = Resource.of(obj);
        } catch (RuntimeException e) {
            throw new ApiException(Reason.INVALID, id, "the patched object is invalid: " + e.getMessage());
        }
        if (!candidate.id().equals(id)) {
            throw new ApiException(Reason.INVALID, id, "a patch may not change the object's name, namespace or kind");
        }
        state.checkPreconditions(id, before, obj);
        state.prepareRequest(id, obj);
        return state.replace(before, obj, dev.kelpie.testkit.internal.ssa.ManagedFieldsCodec.key(o.fieldManager(), false, ""),
                null, o.dryRun());
    }

    /** kubectl apply (client-side): create with the annotation, or send the three-way patch. */
    public Resource applyClientSide(Resource desired, WriteOptions o) {
        ResourceId id = state.checkKind(desired.id());
        ObjectNode modified = desired.object();
        ObjectNode md = (ObjectNode) modified.get("metadata");
        if (md.get("annotations") instanceof ObjectNode a) {
            a.remove(LAST_APPLIED);
            if (a.isEmpty()) {
                md.remove("annotations");
            }
        }
        String lastApplied = modified.toString();
        Defaulting.ensure(md, "annotations").put(LAST_APPLIED, lastApplied + "\n");
        Resource before = state.store.get(id);
        WriteOptions asKubectl = o.withFieldManager(CLIENT_SIDE_APPLY_MANAGER);
        if (before == null) {
            return state.create(Resource.adopt(modified, desired.origin()), asKubectl);
        }
        JsonNode original;
        try {
            String text = before.annotations().getOrDefault(LAST_APPLIED, "");
            original = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            original = JSON.createObjectNode();
        }
        try {
            if (state.kinds.isCustom(id.group(), id.kind())) {
                // kubectl sends a JSON merge patch for custom resources
                ObjectNode patch = JsonMergePatch.createThreeWay(original, modified, before.object());
                return write(id, before, (ObjectNode) JsonMergePatch.apply(before.object(), patch), asKubectl);
            }
            PatchSchema schema = schema(id);
            ObjectNode patch = StrategicMerge.createThreeWay(original, modified, before.object(), schema.lenient(), true);
            ObjectNode patched = StrategicMerge.apply(before.object(), patch, schema.lenient());
            return write(id, before, patched, asKubectl);
        } catch (DiffException e) {
            throw new ApiException(Reason.INVALID, id, "cannot compute the apply patch: " + e.getMessage());
        }
    }

    private PatchSchema schema(ResourceId id) {
        Optional<PatchSchema> s = metadata.schemaFor(id.group(), id.version(), id.kind());
        return s.orElseGet(PatchSchema::open);
    }
}
