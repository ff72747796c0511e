package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a dotted field path with {@code [i]} indexes, as vars' {@code fieldref.fieldpath}. */
final class FieldPathValue {
    private FieldPathValue() {
    }

    static JsonNode get(JsonNode root, String path) {
        JsonNode cur = root;
        for (String seg : segments(path)) {
            if (cur == null) {
                return null;
            }
            if (seg.startsWith("[") && seg.endsWith("]")) {
                String inner = seg.substring(1, seg.length() - 1);
                if (cur.isArray() && inner.matches("\\d+")) {
                    cur = cur.get(Integer.parseInt(inner));
                } else if (cur.isArray() && inner.contains("=")) {
                    String k = inner.substring(0, inner.indexOf('='));
                    String v = inner.substring(inner.indexOf('=') + 1);
                    JsonNode found = null;
                    for (JsonNode e : cur) {
                        if (e.path(k).asText().equals(v)) {
                            found = e;
                            break;
                        }
                    }
                    cur = found;
                } else {
                    cur = cur.get(inner);
                }
            } else {
                cur = cur.isArray() && seg.matches("\\d+") ? cur.get(Integer.parseInt(seg)) : cur.get(seg);
            }
        }
        return cur;
    }

    /** Splits on dots outside brackets; {@code a[0]} becomes {@code a}, {@code [0]}. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '[') {
                if (depth == 0 && cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                depth++;
            }
            if (c == ']') {
                depth--;
            }
            if (c == '.' && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                continue;
            }
            cur.append(c);
            if (c == ']' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
