package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code replacements:} copy a source field's value into target fields (delimiter, index, create). */
final class Replacements {
    private Replacements() {
    }

    static void applyEntry(ResourceList m, JsonNode entry, FileLoader loader, String file) {
        if (entry.hasNonNull("path")) {
            String text = loader.readString(entry.get("path").asText());
            for (JsonNode doc : Patches.parse(text, entry.get("path").asText())) {
                if (doc.isArray()) {
                    doc.forEach(r -> apply(m, r, file));
                } else {
                    apply(m, doc, file);
                }
            }
            return;
        }
        apply(m, entry, file);
    }

    static void apply(ResourceList m, JsonNode r, String file) {
        JsonNode src = r.get("source");
        if (src == null) {
            throw new KustomizeException(file + ": replacements: a replacement needs a source");
        }
        JsonNode value = sourceValue(m, src, file);
        for (JsonNode t : iter(r.get("targets"))) {
            JsonNode select = t.get("select");
            if (select == null) {
                throw new KustomizeException(file + ": replacements: target must specify select");
            }
            Selector sel = Selector.from(select);
            List<Selector> rejects = new ArrayList<>();
            iter(t.get("reject")).forEach(x -> rejects.add(Selector.from(x)));
            JsonNode options = t.get("options");
            for (KResource res : m.select(sel)) {
                if (rejects.stream().anyMatch(x -> x.matches(res))) {
                    continue;
                }
                for (JsonNode fp : iter(t.get("fieldPaths"))) {
                    setTarget(res, fp.asText(), value, options, file);
                }
            }
        }
    }

    private static JsonNode sourceValue(ResourceList m, JsonNode src, String file) {
        Gvk gvk = Gvk.from(src);
        String name = Gvk.text(src, "name");
        String ns = Gvk.text(src, "namespace");
        List<KResource> found = new ArrayList<>();
        for (KResource r : m) {
            Rid id = r.curId();
            if (gvk.selects(id) && (name.isEmpty() || id.name().equals(name)) && (ns.isEmpty() || id.namespace().equals(ns))) {
                found.add(r);
            }
        }
        if (found.size() > 1) {
            throw new KustomizeException(file + ": replacements: multiple matches for selector " + src);
        }
        if (found.isEmpty()) {
            throw new KustomizeException(file + ": replacements: nothing selected by " + src);
        }
        String path = Gvk.text(src, "fieldPath");
        if (path.isEmpty()) {
            path = "metadata.name";
        }
        List<JsonNode> nodes = new ArrayList<>();
        find(found.get(0).obj, segments(path), 0, false, nodes, null);
        if (nodes.isEmpty()) {
            throw new KustomizeException(file + ": replacements: fieldPath `" + path + "` is missing for replacement source "
                    + found.get(0).curId());
        }
        JsonNode v = nodes.get(0);
        JsonNode opts = src.get("options");
        if (opts != null && opts.hasNonNull("delimiter")) {
            String[] parts = v.asText().split(java.util.regex.Pattern.quote(opts.get("delimiter").asText()), -1);
            int idx = opts.path("index").asInt(0);
            if (idx < 0 || idx >= parts.length) {
                throw new KustomizeException(file + ": replacements: options.index " + idx + " is out of bounds for value " + v.asText());
            }
            return TextNode.valueOf(parts[idx]);
        }
        return v;
    }

    private static void setTarget(KResource res, String path, JsonNode value, JsonNode options, String file) {
        boolean create = options != null && options.path("create").asBoolean(false);
        List<String> segs = segments(path);
        List<JsonNode> parents = new ArrayList<>();
        find(res.obj, segs.subList(0, segs.size() - 1), 0, create, parents, null);
        String last = segs.get(segs.size() - 1);
        boolean any = false;
        for (JsonNode p : parents) {
            if (p.isObject()) {
                JsonNode old = p.get(last);
                if (old == null && !create) {
                    continue;
                }
                ((ObjectNode) p).set(last, combine(old, value, options));
                any = true;
            } else if (p.isArray() && last.matches("\\d+") && Integer.parseInt(last) < p.size()) {
                ((ArrayNode) p).set(Integer.parseInt(last), combine(p.get(Integer.parseInt(last)), value, options));
                any = true;
            }
        }
        if (!any && !create) {
            throw new KustomizeException(file + ": replacements: unable to find field \"" + path + "\" in replacement target "
                    + res.curId());
        }
    }

    private static JsonNode combine(JsonNode old, JsonNode value, JsonNode options) {
        if (options == null || !options.hasNonNull("delimiter") || old == null || !old.isValueNode()) {
            return value.deepCopy();
        }
        String delim = options.get("delimiter").asText();
        List<String> parts = new ArrayList<>(Arrays.asList(old.asText().split(java.util.regex.Pattern.quote(delim), -1)));
        int idx = options.path("index").asInt(0);
        if (idx < 0) {
            parts.add(0, value.asText());
        } else if (idx >= parts.size()) {
            parts.add(value.asText());
        } else {
            parts.set(idx, value.asText());
        }
        return TextNode.valueOf(String.join(delim, parts));
    }

    /** Collects the nodes at a kyaml-style path ({@code a.[k=v].b}, {@code *}, indexes). */
    private static void find(JsonNode node, List<String> segs, int i, boolean create, List<JsonNode> out, String unused) {
        if (node == null) {
            return;
        }
        if (i == segs.size()) {
            out.add(node);
            return;
        }
        String seg = segs.get(i);
        if (seg.equals("*")) {
            if (node.isArray() || node.isObject()) {
                node.forEach(c -> find(c, segs, i + 1, create, out, null));
            }
            return;
        }
        if (seg.startsWith("[") && seg.endsWith("]") && seg.contains("=")) {
            if (!node.isArray()) {
                return;
            }
            String inner = seg.substring(1, seg.length() - 1);
            String k = inner.substring(0, inner.indexOf('='));
            String v = inner.substring(inner.indexOf('=') + 1);
            boolean matched = false;
            for (JsonNode e : node) {
                if (e.path(k).isValueNode() && e.path(k).asText().equals(v)) {
                    matched = true;
                    find(e, segs, i + 1, create, out, null);
                }
            }
            if (!matched && create) {
                ObjectNode e = ((ArrayNode) node).addObject();
                e.put(k, v);
                find(e, segs, i + 1, create, out, null);
            }
            return;
        }
        if (node.isArray()) {
            if (seg.matches("\\d+") && Integer.parseInt(seg) < node.size()) {
                find(node.get(Integer.parseInt(seg)), segs, i + 1, create, out, null);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode child = node.get(seg);
        if ((child == null || child.isNull()) && create) {
            child = JsonNodeFactory.instance.objectNode();
            ((ObjectNode) node).set(seg, child);
        }
        find(child, segs, i + 1, create, out, null);
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : FieldPathValue.segments(path)) {
            out.add(s);
        }
        return out;
    }

    private static Iterable<JsonNode> iter(JsonNode n) {
        return n == null || !n.isArray() ? List.of() : n;
    }
}
