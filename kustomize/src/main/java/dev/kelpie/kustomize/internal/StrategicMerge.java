package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * kustomize's strategic merge (kyaml merge2, lists prepended): maps merge field by field, a
 * {@code null} clears, {@code $patch: delete|replace} directives act on maps and lists, lists
 * the schema marks as merging are merged by key (patch elements first), other lists are
 * replaced. Custom kinds without schema get every list replaced. Mutates {@code dest}.
 *
 * <p>This is not the diff module's {@code StrategicMerge} on purpose: that one is
 * apimachinery's (what {@code kubectl apply} and the API server do), and kustomize does not use
 * apimachinery for patches. The two disagree on observable output: patch elements of a merged
 * list come before the existing ones here and after them there, a list may merge on several
 * list-map keys here and on one merge key there, a key is inferred here for lists whose schema
 * names none, and only the {@code $patch} directives are read here. Sharing one engine would
 * break either kustomize conformance or kubectl's.
 */
final class StrategicMerge {
    private static final JsonNode CLEAR = JsonNodeFactory.instance.missingNode();
    private static final String PATCH = "$patch";
    private final Map<String, List<String>> schema;

    private StrategicMerge(Map<String, List<String>> schema) {
        this.schema = schema;
    }

    /** Merges {@code patch} into {@code dest}; returns null when the patch deletes the object. */
    static ObjectNode merge(ObjectNode dest, ObjectNode patch, Map<String, List<String>> schema) {
        JsonNode r = new StrategicMerge(schema).merge(dest, patch.deepCopy(), "");
        return r == CLEAR || r == null || !r.isObject() ? null : (ObjectNode) r;
    }

    private JsonNode merge(JsonNode dest, JsonNode src, String path) {
        if (src == null) {
            return dest;
        }
        if (src.isNull()) {
            return CLEAR;
        }
        if (src.isObject()) {
            return mergeMap(dest, (ObjectNode) src, path);
        }
        if (src.isArray()) {
            return mergeList(dest, (ArrayNode) src, path);
        }
        return src;
    }

    private JsonNode mergeMap(JsonNode dest, ObjectNode src, String path) {
        String directive = src.has(PATCH) ? src.get(PATCH).asText() : "merge";
        src.remove(PATCH);
        if (directive.equals("delete")) {
            return CLEAR;
        }
        ObjectNode target;
        if (dest == null || dest.isNull() || !dest.isObject() || directive.equals("replace")) {
            target = JsonNodeFactory.instance.objectNode();
        } else {
            target = (ObjectNode) dest;
        }
        Set<String> names = new TreeSet<>();
        src.fieldNames().forEachRemaining(names::add);
        for (String f : names) {
            JsonNode v = merge(target.get(f), src.get(f), path.isEmpty() ? f : path + "." + f);
            if (v == CLEAR || v == null) {
                target.remove(f);
            } else {
                target.set(f, v);
            }
        }
        return target;
    }

    private JsonNode mergeList(JsonNode dest, ArrayNode src, String path) {
        List<String> keys = schema == null ? null : schema.get(path);
        if (keys == null) {
            return src;
        }
        String directive = null;
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : src) {
            if (e.isObject() && e.has(PATCH) && e.size() == 1) {
                directive = e.get(PATCH).asText();
            } else {
                items.add(e);
            }
        }
        if ("delete".equals(directive)) {
            return CLEAR;
        }
        ArrayNode d = dest != null && dest.isArray() && !"replace".equals(directive)
                ? (ArrayNode) dest : JsonNodeFactory.instance.arrayNode();
        if ("replace".equals(directive)) {
            d = JsonNodeFactory.instance.arrayNode();
        }
        boolean primitive = keys.isEmpty() && allScalars(items) && allScalars(d);
        return primitive ? mergeScalars(d, items) : mergeElements(d, items, keysFor(keys, d, items), path + "[]");
    }

    private static boolean allScalars(ArrayNode a) {
        for (JsonNode e : a) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode mergeScalars(ArrayNode dest, ArrayNode src) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (ArrayNode a : List.of(src, dest)) {
            for (JsonNode e : a) {
                if (seen.add(e.asText())) {
                    out.add(e);
                }
            }
        }
        return out.isEmpty() ? CLEAR : out;
    }

    /** Schema keys, or kyaml's inferred associative key when the schema names none. */
    private static List<String> keysFor(List<String> keys, ArrayNode dest, ArrayNode src) {
        if (!keys.isEmpty()) {
            return keys;
        }
        for (String k : List.of("mountPath", "devicePath", "ip", "type", "topologyKey", "name", "containerPort")) {
            boolean all = true;
            for (ArrayNode a : List.of(dest, src)) {
                for (JsonNode e : a) {
                    all &= e.isObject() && e.has(k);
                }
            }
            if (all) {
                return List.of(k);
            }
        }
        return List.of("name");
    }

    private JsonNode mergeElements(ArrayNode dest, ArrayNode src, List<String> keys, String path) {
        List<List<String>> tuples = new ArrayList<>();
        for (ArrayNode a : List.of(src, dest)) {
            for (JsonNode e : a) {
                List<String> t = tuple(e, keys);
                if (!tuples.contains(t)) {
                    tuples.add(t);
                }
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        java.util.Set<JsonNode> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<String> t : tuples) {
            JsonNode d = find(dest, keys, t);
            JsonNode s = find(src, keys, t);
            if (d != null && !used.add(d) && s == null) {
                continue;
            }
            JsonNode merged = s == null ? d : merge(d, s, path);
            if (merged == null || merged == CLEAR || (merged.isObject() && merged.isEmpty())) {
                continue;
            }
            if (merged.isObject()) {
                for (int i = 0; i < keys.size(); i++) {
                    if (!t.get(i).isEmpty() && !merged.has(keys.get(i))) {
                        ((ObjectNode) merged).put(keys.get(i), t.get(i));
                    }
                }
            }
            out.add(merged);
        }
        return out.isEmpty() && dest.isEmpty() && src.isEmpty() ? out : (out.isEmpty() ? CLEAR : out);
    }

    private static List<String> tuple(JsonNode e, List<String> keys) {
        List<String> t = new ArrayList<>();
        for (String k : keys) {
            JsonNode v = e.get(k);
            t.add(v == null || v.isNull() || v.isContainerNode() ? "" : v.asText());
        }
        return t;
    }

    private static JsonNode find(ArrayNode a, List<String> keys, List<String> t) {
        boolean anySet = t.stream().anyMatch(s -> !s.isEmpty());
        for (JsonNode e : a) {
            List<String> et = tuple(e, keys);
            boolean match = true;
            for (int i = 0; i < keys.size(); i++) {
                if ((!anySet || !t.get(i).isEmpty()) && !t.get(i).equals(et.get(i))) {
                    match = false;
                }
            }
            if (match) {
                return e;
            }
        }
        return null;
    }
}
