package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code buildMetadata: [transformerAnnotations]}: records in
 * {@code alpha.config.kubernetes.io/transformations} which transformer changed an object.
 * Not thread-safe; one per transformer step.
 */
final class TransformerTrail {
    static final String ANNOTATION = "alpha.config.kubernetes.io/transformations";
    private final ResourceList m;
    private final Map<KResource, ObjectNode> before = new IdentityHashMap<>();

    private TransformerTrail(ResourceList m) {
        this.m = m;
        for (KResource r : m) {
            before.put(r, r.obj.deepCopy());
        }
    }

    /** Starts watching, or returns null when the build does not record transformations. */
    static TransformerTrail start(ResourceList m) {
        return m.ctx.transformerAnnotations ? new TransformerTrail(m) : null;
    }

    /** Appends an entry to every object the step changed. */
    void finish(String configuredIn, String kind, JsonNode config) {
        StringBuilder entry = new StringBuilder("- configuredIn: ").append(configuredIn)
                .append("\n  configuredBy:\n    apiVersion: builtin\n    kind: ").append(kind).append('\n');
        if (config != null) {
            String name = config.path("metadata").path("name").asText("");
            String ns = config.path("metadata").path("namespace").asText("");
            if (!name.isEmpty()) {
                entry.append("    name: ").append(name).append('\n');
            }
            if (!ns.isEmpty()) {
                entry.append("    namespace: ").append(ns).append('\n');
            }
        }
        for (KResource r : m) {
            ObjectNode old = before.get(r);
            if (old != null && !old.equals(r.obj)) {
                ObjectNode a = r.annotations(true);
                String prior = a.path(ANNOTATION).asText("");
                a.put(ANNOTATION, prior + entry);
            }
        }
    }
}
