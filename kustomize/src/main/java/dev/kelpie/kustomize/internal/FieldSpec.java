package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a transformer acts: a slash-separated field path ({@code \/} escapes a slash) in objects
 * of a GVK, and whether missing fields are created. Immutable.
 */
record FieldSpec(Gvk gvk, String path, boolean create, List<Segment> segments) {

    /** One field of the path, {@code []} suffix already parsed off (a field that must be a sequence). */
    record Segment(String field, boolean sequence) {
    }

    FieldSpec(Gvk gvk, String path, boolean create) {
        this(gvk, path, create, split(path));
    }

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
        return gvk.selects(r.curId());
    }

    /** The path split into fields, escapes resolved. */
    private static List<Segment> split(String path) {
        List<Segment> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
                cur.append('/');
                i++;
            } else if (c == '/') {
                out.add(segment(cur.toString()));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(segment(cur.toString()));
        return List.copyOf(out);
    }

    private static Segment segment(String s) {
        return s.endsWith("[]") ? new Segment(s.substring(0, s.length() - 2), true) : new Segment(s, false);
    }

    /** Equal when GVK, path and create flag are (the split path follows from the path). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSpec f && f.gvk.equals(gvk) && f.path.equals(path) && f.create == create;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(gvk, path, create);
    }
}
