package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code openapi:} field: an OpenAPI document whose kinds (x-kubernetes-group-version-kind)
 * get strategic-merge list keys from their x-kubernetes-patch-* extensions.
 */
final class CustomSchemas {
    private CustomSchemas() {
    }

    /** Adds "group/version/Kind" to path-to-keys tables, as {@link MergeKeys} holds them. */
    static void load(JsonNode doc, Map<String, Map<String, List<String>>> into) {
        JsonNode defs = doc.path("definitions");
        if (!defs.isObject()) {
            return;
        }
        defs.fields().forEachRemaining(def -> {
            JsonNode gvks = def.getValue().get("x-kubernetes-group-version-kind");
            if (gvks == null || !gvks.isArray()) {
                return;
            }
            Map<String, List<String>> table = new HashMap<>();
            walk(def.getValue(), "", defs, table, new HashSet<>(), 0);
            for (JsonNode g : gvks) {
                String group = g.path("group").asText("");
                into.put((group.isEmpty() ? "core" : group) + "/" + g.path("version").asText("") + "/"
                        + g.path("kind").asText(""), table);
            }
        });
    }

    private static JsonNode resolve(JsonNode schema, JsonNode defs) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            String r = ref.asText();
            String name = r.substring(r.lastIndexOf('/') + 1);
            JsonNode target = defs.get(name);
            return target == null ? schema : target;
        }
        return schema;
    }

    private static void walk(JsonNode schema, String path, JsonNode defs, Map<String, List<String>> table,
                             Set<String> seen, int depth) {
        if (depth > 30) {
            return;
        }
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            if (!seen.add(ref + "@" + path)) {
                return;
            }
        }
        JsonNode s = resolve(schema, defs);
        JsonNode props = s.get("properties");
        if (props == null || !props.isObject()) {
            return;
        }
        props.fields().forEachRemaining(p -> {
            String childPath = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            JsonNode v = p.getValue();
            JsonNode rv = resolve(v, defs);
            String strategy = v.path("x-kubernetes-patch-strategy").asText(rv.path("x-kubernetes-patch-strategy").asText(""));
            boolean isArray = "array".equals(rv.path("type").asText("")) || rv.has("items");
            if (isArray && List.of(strategy.split(",")).contains("merge")) {
                List<String> keys = new ArrayList<>();
                JsonNode mapKeys = v.has("x-kubernetes-list-map-keys") ? v.get("x-kubernetes-list-map-keys")
                        : rv.get("x-kubernetes-list-map-keys");
                if (mapKeys != null && mapKeys.isArray()) {
                    mapKeys.forEach(k -> keys.add(k.asText()));
                } else {
                    String mk = v.path("x-kubernetes-patch-merge-key").asText(rv.path("x-kubernetes-patch-merge-key").asText(""));
                    if (!mk.isEmpty()) {
                        keys.add(mk);
                    }
                }
                table.put(childPath, keys);
            }
            if (isArray) {
                JsonNode items = rv.get("items");
                if (items != null) {
                    walk(items, childPath + "[]", defs, table, seen, depth + 1);
                }
            } else {
                walk(v, childPath, defs, table, seen, depth + 1);
            }
        });
    }
}
