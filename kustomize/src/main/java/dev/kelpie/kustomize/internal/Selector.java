package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A patch or replacement target: GVK, anchored name and namespace regexes, label and
 * annotation selectors. Names and namespaces match the original or the current id. Immutable.
 */
record Selector(Gvk gvk, Pattern name, Pattern namespace, LabelSelector labels, LabelSelector annotations) {

    static Selector from(JsonNode n) {
        return new Selector(Gvk.from(n), regex(Gvk.text(n, "name")), regex(Gvk.text(n, "namespace")),
                LabelSelector.parse(Gvk.text(n, "labelSelector")), LabelSelector.parse(Gvk.text(n, "annotationSelector")));
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
        if (!gvk.selects(cur)) {
            return false;
        }
        return labels.matches(mapOf(r.labels(false))) && annotations.matches(mapOf(r.annotations(false)));
    }

    /** Whether a selector field (for replacement sources and targets) matches an id. */
    boolean matchesId(Rid id) {
        return gvk.selects(id) && (name == null || name.matcher(id.name()).matches())
                && (namespace == null || namespace.matcher(id.namespace()).matches());
    }

    private static Map<String, String> mapOf(ObjectNode m) {
        Map<String, String> out = new java.util.HashMap<>();
        if (m != null) {
            m.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
