package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes {@code metadata.managedFields}. A manager's identity is its name, its
 * operation ({@code Apply} or {@code Update}) and its subresource, written as
 * {@code name|Apply}, {@code name|Update} or {@code name|Update|status}, as the API server keeps
 * one entry per such triple. Stateless and thread-safe.
 */
public final class ManagedFieldsCodec {
    private ManagedFieldsCodec() {
    }

    public static String key(String manager, boolean apply, String subresource) {
        return manager + (apply ? "|Apply" : "|Update") + (subresource.isEmpty() ? "" : "|" + subresource);
    }

    /** The table of an object's managedFields (malformed entries are dropped, as the server resets them). */
    public static Map<String, ManagedSet> read(JsonNode managedFields) {
        Map<String, ManagedSet> out = new LinkedHashMap<>();
        if (managedFields == null || !managedFields.isArray()) {
            return out;
        }
        for (JsonNode e : managedFields) {
            String manager = e.path("manager").asText("");
            boolean apply = e.path("operation").asText("").equals("Apply");
            String sub = e.path("subresource").asText("");
            try {
                FieldSet set = FieldSet.fromFieldsV1(e.path("fieldsV1"));
                out.put(key(manager, apply, sub), new ManagedSet(set, e.path("apiVersion").asText(""), apply));
            } catch (IllegalArgumentException bad) {
                // a malformed entry is discarded, as the API server does with invalid managedFields
            }
        }
        return out;
    }

    /** managedFields entries for a table, stamping {@code time} on entries whose set changed. */
    public static ArrayNode write(Map<String, ManagedSet> managers, Map<String, ManagedSet> before,
            JsonNode previousEntries, String time) {
        Map<String, JsonNode> previous = new LinkedHashMap<>();
        if (previousEntries != null && previousEntries.isArray()) {
            for (JsonNode e : previousEntries) {
                previous.put(key(e.path("manager").asText(""), e.path("operation").asText("").equals("Apply"),
                        e.path("subresource").asText("")), e);
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        managers.forEach((key, ms) -> {
            String[] parts = key.split("\\|", -1);
            ObjectNode e = out.addObject();
            e.put("manager", parts[0]);
            e.put("operation", parts[1]);
            e.put("apiVersion", ms.apiVersion());
            ManagedSet old = before.get(key);
            JsonNode prior = previous.get(key);
            boolean unchanged = old != null && prior != null && old.set().equals(ms.set());
            e.put("time", unchanged ? prior.path("time").asText(time) : time);
            e.put("fieldsType", "FieldsV1");
            // an unchanged set keeps its FieldsV1 as written (trees are never modified once stored)
            e.set("fieldsV1", unchanged ? prior.path("fieldsV1") : ms.set().toFieldsV1());
            if (parts.length > 2) {
                e.put("subresource", parts[2]);
            }
        });
        return out;
    }
}
