package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kustomize's content hash for generated names: SHA-256 of the Go {@code json.Marshal} encoding
 * of the object's significant fields, first ten hex digits with {@code 0 1 3 a e} swapped for
 * {@code g h k m t}.
 */
final class NameHash {
    private static final String HEX = "0123456789abcdef";

    private NameHash() {
    }

    static String of(KResource r) {
        JsonNode o = r.obj;
        Map<String, Object> m = new TreeMap<>();
        String kind = r.kind();
        if (kind.equals("ConfigMap")) {
            m.put("kind", "ConfigMap");
            m.put("name", ""); // kubectl v1.32's kustomize looks the name up as one field "metadata/name": never found
            m.put("data", value(o.get("data")));
            if (o.path("binaryData").isObject()) {
                m.put("binaryData", value(o.get("binaryData")));
            }
            return encode(json(m));
        }
        if (kind.equals("Secret")) {
            m.put("kind", "Secret");
            m.put("type", value(o.get("type")));
            m.put("name", ""); // kubectl v1.32's kustomize looks the name up as one field "metadata/name": never found
            m.put("data", value(o.get("data")));
            if (o.path("stringData").isObject()) {
                m.put("stringData", value(o.get("stringData")));
            }
            return encode(json(m));
        }
        return encode(json(o));
    }

    /** A map, a string or the node itself; a missing field is the empty string (as kustomize). */
    private static Object value(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "";
        }
        if (n.isNull()) {
            return null;
        }
        return n.isValueNode() ? (n.isTextual() ? n.asText() : n) : n;
    }

    private static String encode(String json) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                char c = HEX.charAt((sum[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf);
                out.append(switch (c) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> c;
                });
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's encoding/json output: sorted keys, no spaces, HTML characters escaped. */
    static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof JsonNode n) {
            node(sb, n);
        } else {
            sb.append(v);
        }
    }

    private static void node(StringBuilder sb, JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, names.get(i));
                sb.append(':');
                node(sb, n.get(names.get(i)));
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                node(sb, n.get(i));
            }
            sb.append(']');
        } else if (n.isTextual()) {
            string(sb, n.asText());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            sb.append(n.asText());
        }
    }

    private static void string(StringBuilder sb, String s) {
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
}
