package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer acts: a slash-separated field path ({@code \/} escapes a slash) in objects
 * of a GVK, and whether missing fields are created. Immutable.
 */
record FieldSpec(Gvk gvk, String path, boolean create) {

    static FieldSpec of(String path, boolean create) {
        return new FieldSpec(Gvk.ANY, path, create);
    }

    static FieldSpec from(JsonNode n) {
        return new FieldSpec(Gvk.from(n), Gvk.text(n, "path"), n.path("create").asBoolean(false));
    }

    static List<FieldSpec> listFrom(JsonNode seq) {
        List<FieldSpec> out = new ArrayList<>();
        if (seq != null && seq.isArray()) {
            seq.forEach(n -> out.add(from(n)));
        }
        return out;
    }

    boolean appliesTo(KResource r) {
        return gvk.selects(r.group(), r.version(), r.kind());
    }

    /** The path split into fields, escapes resolved. */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
                cur.append('/');
                i++;
            } else if (c == '/') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
