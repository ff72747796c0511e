package dev.kelpie.diff.internal.smp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.DiffException;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.json.JsonValues.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two patches set the same field differently ({@code MergingMapsHaveConflicts}):
 * used by the three-way patch to refuse overwriting changes made to the live object.
 * Returns the path of the first conflict, or null.
 */
final class ConflictDetector {
    private ConflictDetector() {
    }

    static String firstConflict(ObjectNode left, ObjectNode right, SchemaNode schema, Trail path) {
        return fields(left, right, schema, "", "", path);
    }

    private static String fields(JsonNode left, JsonNode right, SchemaNode schema, String strategy, String mergeKey,
            Trail path) {
        Kind kind = JsonValues.kind(left);
        if (kind == Kind.MAP) {
            if (!right.isObject()) {
                return path.render();
            }
            JsonNode lm = left.get(Directives.PATCH);
            JsonNode rm = right.get(Directives.PATCH);
            if (lm != null || rm != null) {
                if ((lm == null) != (rm == null) || !JsonValues.equal(lm, rm)) {
                    return path.render();
                }
            }
            if (Directives.REPLACE.equals(strategy)) {
                return null;
            }
            return maps((ObjectNode) left, (ObjectNode) right, schema, path);
        }
        if (kind == Kind.LIST) {
            if (!right.isArray()) {
                return path.render();
            }
            return slices(ListOrder.items(left), ListOrder.items(right), schema, strategy, mergeKey, path);
        }
        return JsonValues.equal(left, right) ? null : path.render();
    }

    private static String maps(ObjectNode left, ObjectNode right, SchemaNode schema, Trail path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = left.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (Directives.PATCH.equals(key) || Directives.RETAIN_KEYS.equals(key)) {
                continue;
            }
            JsonNode rv = right.get(key);
            if (rv == null) {
                continue;
            }
            JsonNode lv = e.getValue();
            SchemaNode sub = schema;
            String strategy = "";
            String mergeKey = "";
            Kind kind = JsonValues.kind(lv);
            if (kind == Kind.LIST || kind == Kind.MAP) {
                FieldMeta meta = kind == Kind.LIST ? schema.lookupForSlice(key, path) : schema.lookupForStruct(key, path);
                sub = meta.schema();
                strategy = Directives.strategy(meta, path.child(key)).patchStrategy();
                mergeKey = meta.mergeKey();
            }
            String conflict = fields(lv, rv, sub, strategy, mergeKey, path.child(key));
            if (conflict != null) {
                return conflict;
            }
        }
        return null;
    }

    private static String slices(List<JsonNode> left, List<JsonNode> right, SchemaNode schema, String strategy,
            String mergeKey, Trail path) {
        Kind kind = ListOrder.elementKind(path, left, right);
        if (Directives.MERGE.equals(strategy)) {
            if (kind != Kind.MAP) {
                return null;
            }
            Map<String, JsonNode> lm = byKey(left, mergeKey, path);
            Map<String, JsonNode> rm = byKey(right, mergeKey, path);
            for (Map.Entry<String, JsonNode> e : lm.entrySet()) {
                JsonNode rv = rm.get(e.getKey());
                if (rv != null) {
                    String c = fields(e.getValue(), rv, schema, "", "", path.element(mergeKey + "=" + e.getKey()));
                    if (c != null) {
                        return c;
                    }
                }
            }
            return null;
        }
        if (left.size() != right.size()) {
            return path.render();
        }
        List<JsonNode> l = new ArrayList<>(left);
        List<JsonNode> r = new ArrayList<>(right);
        if (kind != Kind.MAP) {
            l = ListOrder.sortScalars(ListOrder.deduplicateScalars(l));
            r = ListOrder.sortScalars(ListOrder.deduplicateScalars(r));
        }
        for (int i = 0; i < l.size() && i < r.size(); i++) {
            String c = fields(l.get(i), r.get(i), schema, "", "", path.element(Integer.toString(i)));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Map<String, JsonNode> byKey(List<JsonNode> list, String mergeKey, Trail path) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode v : list) {
            if (!v.isObject()) {
                throw new DiffException(path.operation(), path.render(), "invalid element type in merging list");
            }
            JsonNode key = v.get(mergeKey);
            if (key == null) {
                throw new DiffException(path.operation(), path.render(),
                        "cannot find merge key `" + mergeKey + "` in merging list element");
            }
            out.put(JsonValues.goString(key), v);
        }
        return out;
    }
}
