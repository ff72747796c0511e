package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * A patch or replacement target: GVK, anchored name and namespace regexes, label and
 * annotation selectors. Names and namespaces match the original or the current id. Immutable.
 */
record Selector(Gvk gvk, Text group, Text version, Text kind, Text name, Text namespace, LabelSelector labels,
                LabelSelector annotations) {

    /** A name or kind to match: a regex, or plain text compared directly (most targets are plain words). */
    record Text(String literal, Pattern regex) {
        boolean matches(String s) {
            return literal != null ? literal.equals(s) : regex.matcher(s).matches();
        }
    }

    /** Characters that cannot change what a regex matches compared with the same text taken literally. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/-]*");

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

    private static Text literal(String s) {
        return s.isEmpty() ? null : new Text(s, null);
    }

    private static Text regex(String s) {
        if (s.isEmpty()) {
            return null;
        }
        Pattern p = Pattern.compile("^(?:" + s + ")$");
        return PLAIN.matcher(s).matches() ? new Text(s, null) : new Text(null, p);
    }

    boolean matches(KResource r) {
        Rid cur = r.curId();
        // group, version and kind first: they are the cheapest and reject most objects
        if (!matchesOrEmpty(kind, cur.kind()) || !matchesOrEmpty(group, cur.group())
                || !matchesOrEmpty(version, cur.version())) {
            return false;
        }
        Rid org = r.orgId();
        if (name != null && !name.matches(org.name()) && !name.matches(cur.name())) {
            return false;
        }
        if (namespace != null && !namespace.matches(org.effectiveNamespace())
                && !namespace.matches(cur.effectiveNamespace())
                && !namespace.matches(org.namespace()) && !namespace.matches(cur.namespace())) {
            return false;
        }
        return labels.matches(r.labels(false)) && annotations.matches(r.annotations(false));
    }

    /** Whether a selector field (for replacement sources and targets) matches an id. */
    boolean matchesId(Rid id) {
        return gvk.selects(id) && (name == null || name.matches(id.name()))
                && (namespace == null || namespace.matches(id.namespace()));
    }

    private static boolean matchesOrEmpty(Text p, String s) {
        return p == null || p.matches(s);
    }
}
