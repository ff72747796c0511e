package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A patch or replacement target: GVK, anchored name and namespace regexes, label and
 * annotation selectors. Names and namespaces match the original or the current id. Immutable.
 */
record Selector(Gvk gvk, Pattern group, Pattern version, Pattern kind, Pattern name, Pattern namespace, LabelSelector labels, LabelSelector annotations) {

    static Selector from(JsonNode n) {
        return new Selector(Gvk.from(n), regex(Gvk.text(n, "group")), regex(Gvk.text(n, "version")),
                regex(Gvk.text(n, "kind")), regex(Gvk.text(n, "name")), regex(Gvk.text(n, "namespace")),
                LabelSelector.parse(Gvk.text(n, "labelSelector")), LabelSelector.parse(Gvk.text(n, "annotationSelector")));
    }

    /** A selector whose names match literally (replacements in kustomize v5.5 take no regexes). */
    static Selector exact(JsonNode n) {
        return new Selector(Gvk.from(n), literal(Gvk.text(n, "group")), literal(Gvk.text(n, "version")),
                literal(Gvk.text(n, "kind")), literal(Gvk.text(n, "name")), literal(Gvk.text(n, "namespace")),
                LabelSelector.parse(Gvk.text(n, "labelSelector")), LabelSelector.parse(Gvk.text(n, "annotationSelector")));
    }

    private static Pattern literal(String s) {
        return s.isEmpty() ? null : Pattern.compile(Pattern.quote(s));
    }

    private static Pattern regex(String s) {
        return s.isEmpty() ? null : Pattern.compile("^(?:" + s + ")$");
    }

    boolean matches(KResource r) {
        Rid cur = r.curId();
        Rid org = r.orgId();
        if (namespace != null && !namespace.matcher(org.effectiveNamespace()).matches()
                && !namespace.matcher(cur.effectiveNamespace()).matches()
                && !namespace.matcher(org.namespace()).matches() && !namespace.matcher(cur.namespace()).matches()) {
            return false;
        }
        if (name != null && !name.matcher(org.name()).matches() && !name.matcher(cur.name()).matches()) {
            return false;
        }
        if (!matchesOrEmpty(group, cur.group()) || !matchesOrEmpty(version, cur.version())
                || !matchesOrEmpty(kind, cur.kind())) {
            return false;
        }
        return labels.matches(mapOf(r.labels(false))) && annotations.matches(mapOf(r.annotations(false)));
    }

    /** Whether a selector field (for replacement sources and targets) matches an id. */
    boolean matchesId(Rid id) {
        return gvk.selects(id) && (name == null || name.matcher(id.name()).matches())
                && (namespace == null || namespace.matcher(id.namespace()).matches());
    }

    private static boolean matchesOrEmpty(Pattern p, String s) {
        return p == null || p.matcher(s).matches();
    }

    private static Map<String, String> mapOf(ObjectNode m) {
        Map<String, String> out = new java.util.HashMap<>();
        if (m != null) {
            m.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
