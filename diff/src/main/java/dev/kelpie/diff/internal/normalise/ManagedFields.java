package dev.kelpie.diff.internal.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code metadata.managedFields} (FieldsV1: {@code f:field}, {@code k:{"name":"app"}}
 * list keys, {@code v:value} set items, {@code i:index}, {@code .} for the node itself) and
 * removes the fields given managers own from an object.
 */
public final class ManagedFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagedFields() {
    }

    /** The FieldsV1 trees of the entries written by any of {@code managers}. */
    public static List<JsonNode> ownedBy(JsonNode live, List<String> managers) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : live.path("metadata").path("managedFields")) {
            if (managers.contains(entry.path("manager").asText()) && entry.path("fieldsV1").isObject()) {
                out.add(entry.get("fieldsV1"));
            }
        }
        return out;
    }

    /** Removes from {@code node} every field {@code fields} marks. */
    public static void remove(JsonNode node, JsonNode fields) {
        List<String> drop = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode sub = e.getValue();
            boolean whole = sub.isEmpty() || sub.has(".");
            if (key.startsWith("f:") && node instanceof ObjectNode o) {
                String name = key.substring(2);
                if (whole) {
                    drop.add(name);
                } else if (o.has(name)) {
                    remove(o.get(name), sub);
                }
            } else if (node instanceof ArrayNode a) {
                int i = find(a, key);
                if (i >= 0) {
                    if (whole) {
                        a.remove(i);
                    } else {
                        remove(a.get(i), sub);
                    }
                }
            }
        }
        if (node instanceof ObjectNode o) {
            drop.forEach(o::remove);
        }
    }

    private static int find(ArrayNode list, String key) {
        try {
            if (key.startsWith("k:")) {
                JsonNode keys = JSON.readTree(key.substring(2));
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    boolean all = true;
                    for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext() && all; ) {
                        Map.Entry<String, JsonNode> k = it.next();
                        all = JsonValues.equal(item.get(k.getKey()), k.getValue());
                    }
                    if (all) {
                        return i;
                    }
                }
            } else if (key.startsWith("v:")) {
                JsonNode value = JSON.readTree(key.substring(2));
                for (int i = 0; i < list.size(); i++) {
                    if (JsonValues.equal(list.get(i), value)) {
                        return i;
                    }
                }
            } else if (key.startsWith("i:")) {
                int i = Integer.parseInt(key.substring(2));
                return i < list.size() ? i : -1;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
