package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.List;

/** The {@code replicas:} transformer: sets the replica count of objects named in the list. */
final class ReplicaTransformer {
    private ReplicaTransformer() {
    }

    static void apply(ResourceList m, JsonNode entry, List<FieldSpec> specs, String file) {
        String name = Gvk.text(entry, "name");
        JsonNode count = entry.get("count");
        if (count == null || !count.canConvertToInt()) {
            throw new KustomizeException(file + ": replicas: count of '" + name + "' must be an integer");
        }
        int n = count.asInt();
        boolean found = false;
        for (FieldSpec fs : specs) {
            List<KResource> rs = m.matchingAnyId(id -> id.name().equals(name) && fs.gvk().selects(id));
            for (KResource r : rs) {
                found = true;
                FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.SCALAR, v -> IntNode.valueOf(n));
            }
        }
        if (!found) {
            throw new KustomizeException(file + ": replicas: resource with name " + name
                    + " does not match a config with the following GVK " + specs.stream().map(s -> s.gvk().kind()).toList());
        }
    }
}
