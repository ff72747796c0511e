package dev.kelpie.kustomize.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kelpie.kustomize.KustomizeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fixes references by name after renames (prefix, suffix, hash, namespace): every field the
 * name-reference table lists follows the object it names, found by its earlier names and
 * narrowed by kind, namespace and the prefixes and suffixes applied (kustomize's nameref).
 */
final class NameReferences {
    private final ResourceList m;
    private final TransformerConfig config;

    private NameReferences(ResourceList m, TransformerConfig config) {
        this.m = m;
        this.config = config;
    }

    static void fix(ResourceList m, TransformerConfig config) {
        new NameReferences(m, config).run();
    }

    private void run() {
        for (KResource referrer : new ArrayList<>(m.items)) {
            List<KResource> candidates = null;
            Rid org = referrer.orgId();
            for (TransformerConfig.NameBackRef back : config.nameReference) {
                for (FieldSpec fs : back.referrers()) {
                    if (!fs.gvk().selects(org)) {
                        continue;
                    }
                    if (candidates == null) {
                        candidates = couldBeReferenced(referrer);
                    }
                    List<KResource> c = candidates;
                    FieldPaths.apply(referrer.obj, new FieldSpec(Gvk.ANY, fs.path(), false), FieldPaths.CreateKind.NONE,
                            v -> set(v, referrer, fs, back.referral(), c));
                }
            }
        }
    }

    private JsonNode set(JsonNode node, KResource referrer, FieldSpec fs, Gvk target, List<KResource> candidates) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (node.isTextual()) {
            KResource r = select(node.asText(), candidates, referrer, fs, target, false);
            return r == null ? node : TextNode.valueOf(r.name());
        }
        if (node.isObject()) {
            setMapping((ObjectNode) node, referrer, fs, target, candidates);
            return node;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode e = a.get(i);
                if (e.isTextual()) {
                    KResource r = select(e.asText(), candidates, referrer, fs, target, false);
                    if (r != null) {
                        a.set(i, TextNode.valueOf(r.name()));
                    }
                } else if (e.isObject()) {
                    setMapping((ObjectNode) e, referrer, fs, target, candidates);
                }
            }
            return node;
        }
        return node;
    }

    private void setMapping(ObjectNode node, KResource referrer, FieldSpec fs, Gvk target, List<KResource> candidates) {
        JsonNode nameNode = node.get("name");
        if (nameNode == null) {
            throw new KustomizeException("updating name reference in '" + fs.path() + "' field of '" + referrer.curId()
                    + "': path config error; no 'name' field in node");
        }
        if (node.has("kind") && !target.kind().isEmpty() && !node.path("kind").asText().equals(target.kind())) {
            return;
        }
        List<KResource> byNs = candidates;
        JsonNode nsNode = node.get("namespace");
        if (nsNode != null) {
            String ns = nsNode.asText();
            List<KResource> org = filter(candidates, r -> r.orgId().namespace().equals(ns));
            byNs = org.isEmpty() ? filter(candidates, r -> r.namespace().equals(ns)) : org;
        }
        String oldName = nameNode.asText();
        KResource r = select(oldName, byNs, referrer, fs, target, true);
        if (r == null || (r.name().equals(oldName) && r.namespace().isEmpty())) {
            return;
        }
        node.put("name", r.name());
        if (!r.namespace().isEmpty()) {
            node.put("namespace", r.namespace());
        }
    }

    private KResource select(String oldName, List<KResource> candidates, KResource referrer, FieldSpec fs,
                             Gvk target, boolean withNamespace) {
        List<KResource> c = filter(candidates, r -> r.allIds().stream().anyMatch(id -> id.name().equals(oldName)));
        c = filter(c, r -> r.allIds().stream().anyMatch(target::selects));
        if (fs.path().endsWith("roleRef/name")) {
            JsonNode roleRef = referrer.obj.get("roleRef");
            if (roleRef != null && roleRef.has("apiGroup") && roleRef.has("kind")) {
                Gvk rr = new Gvk(roleRef.get("apiGroup").asText(), "", roleRef.get("kind").asText());
                c = filter(c, r -> r.allIds().stream().anyMatch(rr::selects));
            }
        }
        Rid ref = referrer.curId();
        if (!ref.isClusterScoped()) {
            c = filter(c, r -> r.curId().isClusterScoped() || r.kind().equals("ServiceAccount") || ref.sameNamespace(r.curId()));
        }
        if (c.size() == 1) {
            return c.get(0);
        }
        c = filter(c, r -> r.prefixes.equals(referrer.prefixes) && r.suffixes.equals(referrer.suffixes));
        if (c.size() == 1) {
            return c.get(0);
        }
        if (c.isEmpty()) {
            return null;
        }
        Set<String> distinct = new HashSet<>();
        c.forEach(r -> distinct.add(withNamespace ? r.name() + "|" + r.namespace() : r.name()));
        if (distinct.size() == 1) {
            return c.get(0);
        }
        throw new KustomizeException("updating name reference in '" + fs.path() + "' field of '" + referrer.curId()
                + "':  found multiple possible referrals: " + c.stream().map(r -> r.curId().toString()).toList());
    }

    private List<KResource> couldBeReferenced(KResource referrer) {
        Rid ref = referrer.curId();
        if (ref.isClusterScoped()) {
            return m.items;
        }
        Set<String> rbNamespaces = new HashSet<>();
        if (referrer.kind().equals("RoleBinding")) {
            JsonNode subjects = referrer.obj.get("subjects");
            if (subjects != null && subjects.isArray()) {
                for (JsonNode s : subjects) {
                    if (s.has("namespace") && "ServiceAccount".equals(s.path("kind").asText())) {
                        rbNamespaces.add(s.get("namespace").asText());
                    }
                }
            }
        }
        return filter(m.items, r -> {
            Rid id = r.curId();
            return id.isClusterScoped() || id.sameNamespace(ref) || rbNamespaces.contains(r.namespace());
        });
    }

    private static List<KResource> filter(List<KResource> in, Predicate<KResource> p) {
        List<KResource> out = new ArrayList<>();
        for (KResource r : in) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
