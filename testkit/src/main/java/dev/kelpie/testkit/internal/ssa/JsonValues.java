package dev.kelpie.testkit.internal.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Comparator;

/** Value comparisons that treat {@code 1}, {@code 1L} and {@code 1.0} alike, as JSON does. */
public final class JsonValues {
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private JsonValues() {
    }

    /** Deep equality with numbers compared by value; a missing node equals only another missing one. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMERIC, b);
    }

    /** A copy with integral numbers as longs and other numbers as doubles, so equal values hash alike. */
    public static JsonNode canonical(JsonNode v) {
        if (v == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            if (v.isIntegralNumber() || d.stripTrailingZeros().scale() <= 0) {
                try {
                    return JsonNodeFactory.instance.numberNode(d.longValueExact());
                } catch (ArithmeticException e) {
                    return JsonNodeFactory.instance.numberNode(d);
                }
            }
            return JsonNodeFactory.instance.numberNode(v.doubleValue());
        }
        if (v.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            v.fields().forEachRemaining(e -> o.set(e.getKey(), canonical(e.getValue())));
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            v.forEach(x -> a.add(canonical(x)));
            return a;
        }
        return v;
    }

    /** Whether the node is absent, JSON null, or an empty object or array. */
    public static boolean isEmptyOrNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
    }
}
