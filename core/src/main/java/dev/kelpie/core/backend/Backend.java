package dev.kelpie.core.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelpie.core.model.Resource;
import dev.kelpie.core.model.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cluster, as the engine sees it: the few verbs of the Kubernetes API that reconciliation
 * needs. testkit's {@code InMemoryCluster} and a fabric8-based backend implement it; the
 * reconcile loop depends on nothing else.
 *
 * <p>Every write honours {@link WriteOptions#dryRun()}. Failures the API server would report
 * throw {@link ApiException} with its HTTP status and reason (404 NotFound, 409 Conflict or
 * AlreadyExists, 422 Invalid, 429 TooManyRequests, 500, 504 Timeout), naming the object.
 * Implementations are thread-safe.
 */
public interface Backend {

    /** What the server knows about kinds: scope, and whether a kind exists at all. */
    Discovery discovery();

    /** The live object, or empty when it does not exist. */
    Optional<Resource> get(ResourceId id);

    /** Objects of one group-kind, optionally in one namespace and matching a label selector. */
    List<Resource> list(ListQuery query);

    /** Creates an object; 409 AlreadyExists when it exists. */
    Resource create(Resource resource, WriteOptions options);

    /**
     * Replaces an object. When the given object carries {@code metadata.resourceVersion} and it
     * is stale, 409 Conflict (optimistic concurrency).
     */
    Resource update(Resource resource, WriteOptions options);

    /** Patches an object: JSON patch, JSON merge patch or strategic merge patch. */
    Resource patch(ResourceId id, PatchType type, JsonNode patch, WriteOptions options);

    /**
     * Server-side apply under {@link WriteOptions#fieldManager()}: creates or updates the object
     * and records field ownership; 409 Conflict on fields another manager owns unless
     * {@link WriteOptions#force()}.
     */
    Resource apply(Resource resource, WriteOptions options);

    /** Deletes an object; empty when it was already gone. */
    Optional<Resource> delete(ResourceId id, DeleteOptions options);

    /**
     * Streams changes of one group-kind (optionally one namespace) from a resource version
     * ({@code ""} means "from now"), until the returned handle is closed.
     */
    Watch watch(ListQuery query, String fromResourceVersion, Consumer<WatchEvent> listener);
}
