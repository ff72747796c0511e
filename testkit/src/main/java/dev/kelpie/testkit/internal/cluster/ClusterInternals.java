package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.backend.ApiException;
import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.model.Resource;
import java.util.List;
import java.util.function.Consumer;

/** The few entry points the public {@code InMemoryCluster} needs into the cluster internals. */
public final class ClusterInternals {
    private ClusterInternals() {
    }

    public static void attach(ClusterState state, Deletion deletion, SimulatedControllers controllers) {
        state.attach(deletion, controllers);
    }

    /**
     * Opens a watch: {@code ""} and {@code "0"} start from now; a version older than the kept
     * history fails (the API server answers 410 Gone: "too old resource version").
     */
    public static Watch openWatch(ClusterState state, ListQuery query, String from, Consumer<WatchEvent> listener) {
        long rv = -1;
        if (!from.isEmpty() && !from.equals("0")) {
            try {
                rv = Long.parseLong(from);
            } catch (NumberFormatException e) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, null,
                        "invalid resourceVersion \"" + from + "\" for watch of " + query.kind());
            }
            if (rv < state.watches.oldestReplayable() && rv < state.currentResourceVersion()) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, null, "410 Gone: too old resource version: "
                        + from + " (" + state.watches.oldestReplayable() + ")");
            }
        }
        return state.watches.open(query, rv, listener);
    }

    public static List<Resource> all(ClusterState state) {
        return state.store.all().stream().sorted(java.util.Comparator.comparing(Resource::id)).toList();
    }

    public static ObjectNode namespaceTree(String name) {
        ObjectNode ns = JsonNodeFactory.instance.objectNode();
        ns.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
        return ns;
    }
}
