package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelpie.diff.internal.json.JsonValues;
import java.util.List;
import java.util.Map;

/** Small node factories for generators. */
final class DiffTestNodes {
    private DiffTestNodes() {
    }

    static JsonNode text(String s) {
        return JsonValues.NODES.textNode(s);
    }

    static JsonNode number(int i) {
        return JsonValues.NODES.numberNode(i);
    }

    static JsonNode nul() {
        return JsonValues.NODES.nullNode();
    }

    static JsonNode object(Map<String, JsonNode> m) {
        ObjectNode o = JsonValues.NODES.objectNode();
        m.forEach(o::set);
        return o;
    }

    static JsonNode array(List<JsonNode> l) {
        ArrayNode a = JsonValues.NODES.arrayNode();
        l.forEach(a::add);
        return a;
    }
}
