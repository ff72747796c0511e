package dev.kelpie.testkit.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.core.model.Origin;
import dev.kelpie.core.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

/**
 * Saves and loads the whole cluster state as {@code cluster.json} in a directory: the
 * resource-version counter and every object (CRDs first, so their kinds are served again on
 * restore). Written to a temporary file and moved into place. Runs under the cluster's lock.
 */
public final class Snapshots {
    static final String FILE = "cluster.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Snapshots() {
    }

    /**
     * @throws UncheckedIOException when the directory cannot be written
     */
    public static void save(ClusterState state, Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "kelpie-testkit-cluster/v1");
        root.put("resourceVersion", state.currentResourceVersion());
        ArrayNode objects = root.putArray("objects");
        List<Resource> all = state.store.all().stream()
                .sorted(Comparator.comparing((Resource r) -> !r.kind().equals("CustomResourceDefinition"))
                        .thenComparing(Resource::id))
                .toList();
        all.forEach(r -> objects.add(r.unsafeTree()));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(FILE) + ": cannot save the cluster: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the state with the snapshot in {@code dir}.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a cluster snapshot
     */
    public static void load(ClusterState state, Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the cluster snapshot: " + e.getMessage(), e);
        }
        if (!root.path("format").asText().equals("kelpie-testkit-cluster/v1")) {
            throw new IllegalArgumentException(file + ": not a kelpie testkit cluster snapshot (format "
                    + root.path("format") + ")");
        }
        for (Resource r : state.store.all()) {
            state.store.remove(r.id());
        }
        for (JsonNode o : root.path("objects")) {
            Resource r = Resource.of(o, new Origin(file.toString(), 0, 0, 0));
            state.store.put(Resource.adopt(r.object(), Origin.UNKNOWN).frozen());
            if (r.kind().equals("CustomResourceDefinition")) {
                state.kinds.establish(r);
            }
        }
        state.restoreResourceVersion(root.path("resourceVersion").asLong());
    }
}
