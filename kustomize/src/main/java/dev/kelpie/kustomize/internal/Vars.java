package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The deprecated {@code vars:}: {@code $(NAME)} in the var-reference fields takes a field's value. */
final class Vars {
    private Vars() {
    }

    /** Marks the object a var reads from (kustomize's MergeVars). */
    static void attach(Accumulation ra, JsonNode v, String file) {
        JsonNode ref = v.path("objref");
        String av = Gvk.text(ref, "apiVersion");
        int slash = av.indexOf('/');
        Gvk gvk = new Gvk(slash < 0 ? "" : av.substring(0, slash), slash < 0 ? av : av.substring(slash + 1), Gvk.text(ref, "kind"));
        String name = Gvk.text(ref, "name");
        String ns = Gvk.text(ref, "namespace");
        List<KResource> matched = ra.resources.matchingAnyId(id -> gvk.selects(id) && id.name().equals(name)
                && (ns.isEmpty() || id.namespace().equals(ns)));
        if (matched.size() > 1) {
            throw new KustomizeException(file + ": vars: found " + matched.size() + " resId matches for var "
                    + Gvk.text(v, "name") + " (unable to disambiguate)");
        }
        if (matched.size() == 1) {
            matched.get(0).varNames.add(Gvk.text(v, "name"));
        }
    }

    static void resolve(ResourceList m, List<JsonNode> vars, List<FieldSpec> specs) {
        if (vars.isEmpty()) {
            return;
        }
        Map<String, JsonNode> values = new HashMap<>();
        for (JsonNode v : vars) {
            String name = Gvk.text(v, "name");
            String path = v.path("fieldref").path("fieldpath").asText("metadata.name");
            if (path.isEmpty()) {
                path = "metadata.name";
            }
            KResource source = null;
            for (KResource r : m) {
                if (r.varNames.contains(name)) {
                    source = r;
                    break;
                }
            }
            if (source == null) {
                throw new KustomizeException("var '" + name + "' cannot be mapped to a field in the set of known resources");
            }
            JsonNode val = FieldPathValue.get(source.obj, path);
            if (val == null) {
                throw new KustomizeException("var '" + name + "': field path '" + path + "' not found in " + source.curId());
            }
            values.put(name, val);
        }
        for (KResource r : m) {
            for (FieldSpec fs : specs) {
                if (fs.appliesTo(r)) {
                    FieldPaths.apply(r.obj, fs, FieldPaths.CreateKind.NONE,
                            n -> replace(n, values));
                }
            }
        }
    }

    private static JsonNode replace(JsonNode n, Map<String, JsonNode> values) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.asText();
            if (s.startsWith("$(") && s.endsWith(")") && s.indexOf(')') == s.length() - 1) {
                JsonNode v = values.get(s.substring(2, s.length() - 1));
                if (v != null && !v.isTextual()) {
                    return v;
                }
            }
            return TextNode.valueOf(expand(s, values));
        }
        if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replace(a.get(i), values));
            }
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                o.set(f, replace(o.get(f), values));
            }
        }
        return n;
    }

    /** Kubernetes-style expansion: {@code $(VAR)} replaced, {@code $$} escapes, unknown vars kept. */
    static String expand(String s, Map<String, JsonNode> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                if (d == '$') {
                    out.append('$');
                    i += 2;
                    continue;
                }
                if (d == '(') {
                    int close = s.indexOf(')', i + 2);
                    if (close > 0) {
                        String name = s.substring(i + 2, close);
                        JsonNode v = values.get(name);
                        if (v != null) {
                            out.append(v.isTextual() ? v.asText() : v.toString());
                        } else {
                            out.append(s, i, close + 1);
                        }
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
