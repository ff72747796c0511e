package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code crds:} field: OpenAPI definitions of custom kinds whose {@code x-kubernetes-object-ref-*}
 * properties become name references.
 */
final class Crds {
    private Crds() {
    }

    static void addConfig(FileLoader loader, String file, TransformerConfig config) {
        String text = loader.readString(file);
        for (ObjectNode doc : FileLoader.objects(file, text)) {
            JsonNode defs = doc.has("definitions") ? doc.get("definitions") : doc;
            defs.fields().forEachRemaining(def -> {
                JsonNode gvkNode = def.getValue().path("x-kubernetes-group-version-kind");
                String kind = gvkNode.isArray() && gvkNode.size() > 0 ? gvkNode.get(0).path("kind").asText("")
                        : def.getKey().substring(def.getKey().lastIndexOf('.') + 1);
                walk(def.getValue().path("properties"), "", kind, config);
            });
        }
    }

    private static void walk(JsonNode props, String prefix, String kind, TransformerConfig config) {
        if (!props.isObject()) {
            return;
        }
        props.fields().forEachRemaining(p -> {
            String path = prefix.isEmpty() ? p.getKey() : prefix + "/" + p.getKey();
            JsonNode v = p.getValue();
            String refKind = v.path("x-kubernetes-object-ref-kind").asText("");
            if (!refKind.isEmpty()) {
                String nameKey = v.path("x-kubernetes-object-ref-name-key").asText("name");
                FieldSpec fs = new FieldSpec(new Gvk("", "", kind), path + "/" + nameKey, false);
                TransformerConfig c = TransformerConfig.empty();
                c.nameReference.add(new TransformerConfig.NameBackRef(new Gvk("", "", refKind), List.of(fs)));
                config.merge(c);
            }
            walk(v.path("properties"), path, kind, config);
        });
    }
}
