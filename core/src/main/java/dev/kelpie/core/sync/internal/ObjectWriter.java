package dev.kelpie.core.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.Backend;
import dev.kelpie.core.backend.DeleteOptions;
import dev.kelpie.core.backend.PatchType;
import dev.kelpie.core.backend.WriteOptions;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.plan.SyncAnnotations;
import dev.kelpie.core.plan.SyncStep;
import dev.kelpie.core.sync.ApplyMode;
import dev.kelpie.core.sync.StepOutcome;
import dev.kelpie.core.sync.SyncSettings;
import dev.kelpie.diff.JsonMergePatch;
import dev.kelpie.diff.PatchMetadata;
import dev.kelpie.diff.PatchSchema;
import dev.kelpie.diff.StrategicMerge;
import java.util.Optional;

/**
 * Writes one desired object: server-side apply, kubectl-style client-side apply, or replace;
 * recreates it after an immutable-field refusal only where the object allows it
 * ({@code Force=true} with {@code Replace=true}, as Argo CD). Thread-safe.
 */
public final class ObjectWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Backend backend;
    private final SyncSettings settings;
    private final PatchMetadata metadata;

    public ObjectWriter(Backend backend, SyncSettings settings, PatchMetadata metadata) {
        this.backend = backend;
        this.settings = settings;
        this.metadata = metadata;
    }

    /** Creates or updates the step's object; failures come back as {@link StepOutcome.Failed}. */
    public StepOutcome write(SyncStep step, boolean serverSideApply, boolean replace) {
        Resource desired = step.object();
        try {
            Optional<Resource> live = backend.get(desired.id());
            if (replace) {
                return replace(desired, live, step);
            }
            boolean ssa = serverSideApply || settings.applyMode() == ApplyMode.SERVER_SIDE;
            if (ssa) {
                backend.apply(desired, settings.writeOptions());
                return live.isPresent() ? new StepOutcome.Configured(desired.id(), "server-side apply")
                        : new StepOutcome.Created(desired.id());
            }
            return clientSideApply(desired, live);
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.INVALID && isImmutableFieldError(e) && forceAllowed(step)) {
                return recreate(desired);
            }
            return new StepOutcome.Failed(desired.id(), e.getMessage(), e.isRetriable());
        } catch (RuntimeException e) {
            return new StepOutcome.Failed(desired.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private StepOutcome replace(Resource desired, Optional<Resource> live, SyncStep step) {
        WriteOptions w = settings.writeOptions();
        if (live.isEmpty()) {
            backend.create(desired, w);
            return new StepOutcome.Created(desired.id());
        }
        String rv = live.get().unsafeTree().path("metadata").path("resourceVersion").asText("");
        Resource withVersion = rv.isEmpty() ? desired
                : desired.edit(t -> ((ObjectNode) t.get("metadata")).put("resourceVersion", rv));
        backend.update(withVersion, w);
        return new StepOutcome.Configured(desired.id(), "replace");
    }

    private StepOutcome recreate(Resource desired) {
        WriteOptions w = settings.writeOptions();
        backend.delete(desired.id(), DeleteOptions.defaults().withPropagation(DeleteOptions.Propagation.FOREGROUND)
                .withDryRun(w.dryRun()));
        backend.create(desired, w);
        return new StepOutcome.Configured(desired.id(), "recreated (immutable field changed, Force=true)");
    }

    /** kubectl apply: store the desired object as last-applied, send a three-way patch. */
    private StepOutcome clientSideApply(Resource desired, Optional<Resource> live) {
        WriteOptions w = settings.writeOptions();
        Resource annotated = withLastApplied(desired);
        if (live.isEmpty()) {
            backend.create(annotated, w);
            return new StepOutcome.Created(desired.id());
        }
        JsonNode current = live.get().unsafeTree();
        JsonNode original = lastApplied(live.get());
        Optional<PatchSchema> schema = metadata.schemaFor(desired.apiVersion(), desired.kind());
        ObjectNode patch;
        PatchType type;
        if (schema.isPresent()) {
            patch = StrategicMerge.createThreeWay(original, annotated.unsafeTree(), current, schema.get(), true);
            type = PatchType.STRATEGIC;
        } else {
            // custom resources: kubectl falls back to a three-way JSON merge patch
            patch = JsonMergePatch.createThreeWay(original, annotated.unsafeTree(), current);
            type = PatchType.MERGE;
        }
        if (patch.isEmpty()) {
            return new StepOutcome.Unchanged(desired.id());
        }
        backend.patch(desired.id(), type, patch, w);
        return new StepOutcome.Configured(desired.id(), "client-side apply");
    }

    private static Resource withLastApplied(Resource desired) {
        Resource clean = desired.withoutAnnotation(SyncAnnotations.LAST_APPLIED);
        try {
            return clean.withAnnotation(SyncAnnotations.LAST_APPLIED, JSON.writeValueAsString(clean.unsafeTree()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode lastApplied(Resource live) {
        String text = live.annotations().get(SyncAnnotations.LAST_APPLIED);
        if (text == null || text.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static boolean isImmutableFieldError(ApiException e) {
        String m = e.getMessage();
        return m != null && (m.contains("immutable") || m.contains("may not change") || m.contains("cannot be changed"));
    }

    private static boolean forceAllowed(SyncStep step) {
        return step.options().replace() && step.options().unknown().stream().anyMatch(o -> o.equalsIgnoreCase("Force=true"));
    }
}
