package dev.kelpie.diff.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Value semantics of JSON trees as Kubernetes' Go code sees them: numbers compare by value
 * ({@code 1 == 1.0}), objects ignore key order, lists keep it; scalars sort by their Go
 * {@code %v} text. Stateless and thread-safe.
 */
public final class JsonValues {
    /** The node factory every engine uses: exact decimals, so numbers survive unchanged. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    /** The coarse type of a value, as Go's reflect kinds distinguish them after JSON decoding. */
    public enum Kind { MAP, LIST, STRING, NUMBER, BOOL, NULL }

    /** The kind of a node ({@code null} reference means JSON null). */
    public static Kind kind(JsonNode node) {
        // instanceof on the concrete node classes is cheaper than the megamorphic virtual calls
        if (node instanceof ObjectNode) {
            return Kind.MAP;
        }
        if (node instanceof TextNode) {
            return Kind.STRING;
        }
        if (node instanceof ArrayNode) {
            return Kind.LIST;
        }
        if (node instanceof NumericNode) {
            return Kind.NUMBER;
        }
        if (node instanceof BooleanNode) {
            return Kind.BOOL;
        }
        if (node == null || node instanceof NullNode || node instanceof MissingNode) {
            return Kind.NULL;
        }
        return Kind.STRING;
    }

    /** Whether the node is JSON null (fast). */
    public static boolean isNull(JsonNode node) {
        return node instanceof NullNode;
    }

    /** Deep equality with numbers compared by value and object keys unordered. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            return false;
        }
        switch (ka) {
            case NULL:
                return true;
            case NUMBER:
                return numbersEqual(a, b);
            case STRING:
                return a.textValue().equals(b.textValue());
            case BOOL:
                return a.booleanValue() == b.booleanValue();
            case LIST:
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!equal(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            default:
                if (a.size() != b.size()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode other = b.get(e.getKey());
                    if (other == null || !equal(e.getValue(), other)) {
                        return false;
                    }
                }
                return true;
        }
    }

    private static boolean numbersEqual(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            return a.longValue() == b.longValue();
        }
        return decimal(a).compareTo(decimal(b)) == 0;
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isDouble() || n.isFloat()) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return BigDecimal.ZERO;
            }
        }
        return n.decimalValue();
    }

    /** Go's {@code fmt.Sprintf("%v", v)} for a scalar, the key Go uses to sort and match scalars. */
    public static String goString(JsonNode node) {
        switch (kind(node)) {
            case NULL:
                return "<nil>";
            case STRING:
                return node.textValue();
            case BOOL:
                return Boolean.toString(node.booleanValue());
            case NUMBER:
                return goNumber(node);
            case LIST:
                return "[list]";
            default:
                return "map" + node.size();
        }
    }

    private static String goNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal d = decimal(node).stripTrailingZeros();
        if (d.scale() <= 0 && d.precision() - d.scale() < 21) {
            return d.toBigInteger().toString();
        }
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return d.toPlainString();
    }

    /** Whether two scalars are equal the way Go's {@code ==} on decoded JSON values is. */
    public static boolean scalarEqual(JsonNode a, JsonNode b) {
        Kind ka = kind(a);
        if (ka == Kind.MAP || ka == Kind.LIST) {
            return a == b;
        }
        return equal(a, b);
    }

    /** A short description of a value for error messages that never shows its content. */
    public static String describe(JsonNode node) {
        Kind k = kind(node);
        if (k == Kind.MAP) {
            StringBuilder sb = new StringBuilder("map with keys [");
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                sb.append(names.next());
                if (names.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append(']').toString();
        }
        return k.name().toLowerCase(java.util.Locale.ROOT);
    }
}
