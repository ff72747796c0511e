package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.Change;
import dev.kelpie.diff.internal.json.JsonValues;
import dev.kelpie.diff.internal.patch.JsonPointer;
import dev.kelpie.diff.internal.smp.FieldMeta;
import dev.kelpie.diff.internal.smp.SchemaNode;
import dev.kelpie.diff.internal.smp.Trail;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Lists the changes between two normalised objects, matching merge-list elements by merge key. */
public final class ChangeCollector {
    private static final Trail TRAIL = Trail.root("diff");

    private ChangeCollector() {
    }

    /** Changes from {@code live} to {@code predicted}; Secret values masked. */
    public static List<Change> changes(ObjectNode live, ObjectNode predicted, SchemaNode schema) {
        ObjectNode[] masked = SecretMask.mask(live, predicted);
        List<Change> out = new ArrayList<>();
        walk(masked[0], masked[1], schema, "", "", "", out);
        return out;
    }

    private static void walk(JsonNode a, JsonNode b, SchemaNode schema, String path, String pa, String pb,
            List<Change> out) {
        if (JsonValues.equal(a, b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode av = a.get(k);
                JsonNode bv = b.get(k);
                JsonNode any = av != null ? av : bv;
                FieldMeta meta = any.isArray() ? schema.lookupForSlice(k, TRAIL) : schema.lookupForStruct(k, TRAIL);
                String p = path.isEmpty() ? k : path + "." + k;
                String e = "/" + JsonPointer.escape(k);
                if (any.isArray() && av != null && bv != null && av.isArray() && bv.isArray()
                        && !meta.mergeKey().isEmpty()) {
                    list(av, bv, meta, p, pa + e, pb + e, out);
                } else {
                    walk(av, bv, meta.schema(), p, pa + e, pb + e, out);
                }
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), b.get(i), schema, path + "[" + i + "]", pa + "/" + i, pb + "/" + i, out);
            }
            return;
        }
        Change.Type type = a == null ? Change.Type.ADDED : b == null ? Change.Type.REMOVED : Change.Type.CHANGED;
        out.add(new Change(path, b == null ? pa : pb, type, a, b));
    }

    private static void list(JsonNode a, JsonNode b, FieldMeta meta, String path, String pa, String pb,
            List<Change> out) {
        String key = meta.mergeKey();
        List<Integer> unmatchedB = new ArrayList<>();
        for (int j = 0; j < b.size(); j++) {
            unmatchedB.add(j);
        }
        for (int i = 0; i < a.size(); i++) {
            JsonNode k = a.get(i).get(key);
            int j = k == null ? -1 : indexByKey(b, key, k);
            String p = path + "[" + key + "=" + (k == null ? i : JsonValues.goString(k)) + "]";
            if (j < 0) {
                walk(a.get(i), null, meta.schema(), p, pa + "/" + i, pb, out);
            } else {
                unmatchedB.remove(Integer.valueOf(j));
                walk(a.get(i), b.get(j), meta.schema(), p, pa + "/" + i, pb + "/" + j, out);
            }
        }
        for (int j : unmatchedB) {
            JsonNode k = b.get(j).get(key);
            String p = path + "[" + key + "=" + (k == null ? j : JsonValues.goString(k)) + "]";
            walk(null, b.get(j), meta.schema(), p, pa, pb + "/" + j, out);
        }
    }

    private static int indexByKey(JsonNode list, String key, JsonNode value) {
        for (int j = 0; j < list.size(); j++) {
            if (JsonValues.equal(list.get(j).get(key), value)) {
                return j;
            }
        }
        return -1;
    }
}
