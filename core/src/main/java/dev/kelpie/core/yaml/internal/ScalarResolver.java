package dev.kelpie.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Resolves plain YAML scalars the way Kubernetes tooling (go-yaml v3, which kustomize and
 * kubectl use) does: YAML 1.2 core schema, so {@code yes}, {@code no}, {@code on}, {@code off}
 * stay strings; integers as Go's {@code ParseInt(s, 0, 64)} reads them ({@code 0x1F},
 * {@code 0o17}, the 1.1-style octal {@code 017}, underscores ignored); big integers keep every
 * digit; floats keep their digits (BigDecimal). Immutable and thread-safe.
 */
public final class ScalarResolver {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ScalarResolver() {
    }

    /** The node a plain (unquoted, untagged) scalar stands for. */
    public static JsonNode resolvePlain(String s) {
        switch (s) {
            case "", "~", "null", "Null", "NULL":
                return F.nullNode();
            case "true", "True", "TRUE":
                return F.booleanNode(true);
            case "false", "False", "FALSE":
                return F.booleanNode(false);
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return F.numberNode(Double.POSITIVE_INFINITY);
            case "-.inf", "-.Inf", "-.INF":
                return F.numberNode(Double.NEGATIVE_INFINITY);
            case ".nan", ".NaN", ".NAN":
                return F.numberNode(Double.NaN);
            default:
                break;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))) {
            return F.textNode(s);
        }
        JsonNode number = resolveNumber(s);
        return number != null ? number : F.textNode(s);
    }

    /** True when a string written plain would read back as something other than that string. */
    public static boolean readsAsNonString(String s) {
        return !resolvePlain(s).isTextual();
    }

    private static JsonNode resolveNumber(String text) {
        String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        if (plain.isEmpty()) {
            return null;
        }
        BigInteger integer = parseGoInteger(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                long v = integer.longValue();
                return v == (int) v ? F.numberNode((int) v) : F.numberNode(v);
            }
            if (integer.signum() >= 0 && integer.compareTo(UINT64_MAX) <= 0) {
                return F.numberNode(integer);
            }
        }
        if (FLOAT.matcher(plain).matches()) {
            if (DECIMAL.matcher(plain).matches()) {
                // an integer too big for 64 bits: Go would round it to a float; we keep every digit
                return F.numberNode(new BigInteger(plain));
            }
            try {
                return F.numberNode(new BigDecimal(plain));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Go's strconv.ParseInt(s, 0, ...) prefixes: 0x, 0o, 0b, and a leading 0 for octal. */
    private static BigInteger parseGoInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        return negative ? v.negate() : v;
    }
}
