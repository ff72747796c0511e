package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.smp.FieldMeta;
import dev.kelpie.diff.internal.smp.SchemaNode;
import dev.kelpie.diff.internal.smp.Trail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** apimachinery's test-side normalisation {@code sortMergeListsByName}, for the sort table. */
final class MergeListSorting {
    private MergeListSorting() {
    }

    static JsonNode sort(JsonNode doc, PatchSchema schema) {
        return map((ObjectNode) doc, schema.node(), false);
    }

    /**
     * Sorts only merge lists of primitives: apimachinery compares a primitive list with its
     * original already sorted in place, so a pure reorder of a sorted list is not patched.
     */
    static JsonNode sortPrimitiveLists(JsonNode doc, PatchSchema schema) {
        return map((ObjectNode) doc, schema.node(), true);
    }

    private static ObjectNode map(ObjectNode m, SchemaNode schema, boolean primitivesOnly) {
        ObjectNode out = JsonValues.NODES.objectNode();
        m.fields().forEachRemaining(e -> {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.equals("$retainKeys") || k.startsWith("$deleteFromPrimitiveList")) {
                v = array(scalars(items(v), false));
            } else if (!k.startsWith("$setElementOrder") && !k.equals("$patch")) {
                FieldMeta meta = schema.lookupForStruct(k, Trail.root("sort"));
                if (v.isObject()) {
                    v = map((ObjectNode) v, meta.schema(), primitivesOnly);
                } else if (v.isArray() && meta.strategies().contains("merge")) {
                    List<JsonNode> list = items(v);
                    if (!list.isEmpty() && list.get(0).isObject()) {
                        List<JsonNode> sorted = new ArrayList<>();
                        list.forEach(x -> sorted.add(map((ObjectNode) x, meta.schema(), primitivesOnly)));
                        if (!primitivesOnly) {
                            sorted.sort(Comparator.comparing(x -> JsonValues.goString(x.get(meta.mergeKey()))));
                        }
                        v = array(sorted);
                    } else {
                        v = array(scalars(list, true));
                    }
                }
            }
            out.set(k, v);
        });
        return out;
    }

    private static List<JsonNode> scalars(List<JsonNode> list, boolean dedupe) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : list) {
            if (!dedupe || out.stream().noneMatch(o -> JsonValues.equal(o, v))) {
                out.add(v);
            }
        }
        out.sort(Comparator.comparing(JsonValues::goString));
        return out;
    }

    private static List<JsonNode> items(JsonNode v) {
        List<JsonNode> l = new ArrayList<>();
        v.forEach(l::add);
        return l;
    }

    private static ArrayNode array(List<JsonNode> l) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        l.forEach(a::add);
        return a;
    }
}
