package dev.kelpie.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JSON text as kubectl prints it. Writes JSON the way Go's {@code encoding/json} marshals decoded Kubernetes objects (and so
 * the way {@code kubectl ... -o json} prints them): object keys sorted, numbers in Go's
 * format ({@code 1e+21}, {@code 3.4028234663852886e+38}), optional 4-space indentation.
 * Stateless and thread-safe.
 */
public final class KubectlJson {
    private KubectlJson() {
    }

    /** Compact text. */
    public static String compact(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, -1, 0);
        return sb.toString();
    }

    /** Indented text (4 spaces, as kubectl prints). */
    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 4, 0);
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb, int indent, int depth) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            if (keys.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, depth + 1);
                string(keys.get(i), sb);
                sb.append(indent >= 0 ? ": " : ":");
                write(n.get(keys.get(i)), sb, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, depth + 1);
                write(n.get(i), sb, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else if (n.isTextual()) {
            string(n.textValue(), sb);
        } else if (n.isNumber()) {
            sb.append(number(n));
        } else {
            sb.append(n.asText());
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent < 0) {
            return;
        }
        sb.append('\n');
        sb.append(" ".repeat(indent * depth));
    }

    /** Go escapes HTML characters and the line/paragraph separators, and writes other text as is. */
    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A number in Go's {@code encoding/json} format. */
    public static String number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().toString();
        }
        if ((n.isDouble() || n.isFloat()) && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
            return "0";
        }
        BigDecimal d = n.isBigDecimal() ? n.decimalValue() : new BigDecimal(Double.toString(n.doubleValue()));
        d = d.stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal abs = d.abs();
        if (abs.compareTo(new BigDecimal("1e-6")) < 0 || abs.compareTo(new BigDecimal("1e21")) >= 0) {
            String digits = d.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - d.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
        }
        return d.toPlainString();
    }
}
