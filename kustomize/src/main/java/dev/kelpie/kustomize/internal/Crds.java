package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code crds:} field: OpenAPI definitions of custom kinds (as Go's openapi-gen writes
 * them); properties marked {@code x-kubernetes-object-ref-kind} become name references.
 */
final class Crds {
    private Crds() {
    }

    static void addConfig(FileLoader loader, String file, TransformerConfig config) {
        String text = loader.readString(file);
        for (ObjectNode doc : FileLoader.objects(file, text)) {
            JsonNode defs = doc.has("definitions") ? doc.get("definitions") : doc;
            defs.fields().forEachRemaining(def -> {
                JsonNode schema = schema(def.getValue());
                JsonNode props = schema.path("properties");
                if (!props.has("kind") || !props.has("apiVersion")) {
                    return;
                }
                String kind = def.getKey().substring(def.getKey().lastIndexOf('.') + 1);
                walk(props, "", kind, defs, config, 0);
            });
        }
    }

    private static JsonNode schema(JsonNode def) {
        return def.has("Schema") ? def.get("Schema") : def;
    }

    private static void walk(JsonNode props, String prefix, String kind, JsonNode defs, TransformerConfig config, int depth) {
        if (!props.isObject() || depth > 20) {
            return;
        }
        props.fields().forEachRemaining(p -> {
            String path = prefix.isEmpty() ? p.getKey() : prefix + "/" + p.getKey();
            JsonNode v = p.getValue();
            String refKind = v.path("x-kubernetes-object-ref-kind").asText("");
            if (!refKind.isEmpty()) {
                String nameKey = v.path("x-kubernetes-object-ref-name-key").asText("name");
                FieldSpec fs = new FieldSpec(new Gvk("", "", kind), path + "/" + nameKey, false);
                config.addBackRef(new TransformerConfig.NameBackRef(new Gvk("", "", refKind), List.of(fs)));
                return;
            }
            JsonNode target = v;
            String ref = v.path("$ref").asText("");
            if (!ref.isEmpty() && defs.has(ref)) {
                target = schema(defs.get(ref));
            }
            walk(target.path("properties"), path, kind, defs, config, depth + 1);
        });
    }
}
