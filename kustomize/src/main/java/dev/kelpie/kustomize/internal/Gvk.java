package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A group/version/kind selector; empty parts match anything. Immutable. */
record Gvk(String group, String version, String kind) {
    static final Gvk ANY = new Gvk("", "", "");

    static Gvk from(JsonNode n) {
        return new Gvk(text(n, "group"), text(n, "version"), text(n, "kind"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    boolean selects(String g, String v, String k) {
        return (group.isEmpty() || group.equals(g)) && (version.isEmpty() || version.equals(v))
                && (kind.isEmpty() || kind.equals(k));
    }

    boolean selects(Rid id) {
        return selects(id.group(), id.version(), id.kind());
    }
}
